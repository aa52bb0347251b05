/*
 * Copyright 2026 The Tickwire Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.tickwire.sbe;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Encode then decode every message of every Tickwire schema with boundary values in every field.
 * <p>
 * The messages are read from the schema files themselves, so a message added to a schema is covered without
 * touching this test. Each message is round-tripped three times: every field at its minimum (shortest strings,
 * first enum value, empty var data), every field at its maximum (full-length strings, last enum value, long var
 * data, several group entries), and optional fields at their null value. Fields are written and read in schema
 * order with precedence checks enabled, as production code must.
 */
class SchemaRoundTripTest
{
    private static final String[] SCHEMAS = {
        "/sbe/market-data-schema.xml",
        "/sbe/audit-schema.xml",
        "/sbe/internal-schema.xml",
    };

    enum Pass
    {
        MIN, MAX, NULL
    }

    @TestFactory
    Stream<DynamicTest> shouldRoundTripEveryMessageWithBoundaryValues() throws Exception
    {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final String schema : SCHEMAS)
        {
            final Element root = parse(schema);
            final String pkg = root.getAttribute("package");
            final int schemaId = Integer.parseInt(root.getAttribute("id"));
            final int version = Integer.parseInt(root.getAttribute("version"));
            for (final Element message : children(root, "sbe:message"))
            {
                for (final Pass pass : Pass.values())
                {
                    final String name = message.getAttribute("name");
                    tests.add(DynamicTest.dynamicTest(
                        pkg + "." + name + " " + pass,
                        () -> roundTrip(pkg, schemaId, version, message, pass)));
                }
            }
        }

        return tests.stream();
    }

    private static void roundTrip(
        final String pkg, final int schemaId, final int version, final Element message, final Pass pass)
        throws Exception
    {
        final String name = message.getAttribute("name");
        final Class<?> encoderClass = Class.forName(pkg + "." + name + "Encoder");
        final Class<?> decoderClass = Class.forName(pkg + "." + name + "Decoder");
        final Object encoder = encoderClass.getConstructor().newInstance();
        final Object decoder = decoderClass.getConstructor().newInstance();
        final Object headerEncoder = Class.forName(pkg + ".MessageHeaderEncoder").getConstructor().newInstance();
        final Object headerDecoder = Class.forName(pkg + ".MessageHeaderDecoder").getConstructor().newInstance();

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        final int offset = 16;
        encoderClass.getMethod("wrapAndApplyHeader", org.agrona.MutableDirectBuffer.class, int.class,
            headerEncoder.getClass()).invoke(encoder, buffer, offset, headerEncoder);

        final List<Object> written = new ArrayList<>();
        writeBlock(encoder, decoderClass, message, pass, written);
        final int encodedLength = (int)encoderClass.getMethod("encodedLength").invoke(encoder);

        decoderClass.getMethod("wrapAndApplyHeader", org.agrona.DirectBuffer.class, int.class,
            headerDecoder.getClass()).invoke(decoder, buffer, offset, headerDecoder);
        final Class<?> headerClass = headerDecoder.getClass();
        assertEquals(schemaId, headerClass.getMethod("schemaId").invoke(headerDecoder));
        assertEquals(version, headerClass.getMethod("version").invoke(headerDecoder));
        assertEquals(encoderClass.getField("TEMPLATE_ID").get(null), headerClass.getMethod("templateId")
            .invoke(headerDecoder));

        final List<Object> read = new ArrayList<>();
        readBlock(decoder, message, read);
        assertEquals(written.size(), read.size(), name + ": number of values");
        for (int i = 0; i < written.size(); i++)
        {
            final Object expected = written.get(i);
            final Object actual = read.get(i);
            if (expected instanceof byte[])
            {
                assertArrayEquals((byte[])expected, (byte[])actual, name + " value " + i);
            }
            else
            {
                assertEquals(expected, actual, name + " value " + i);
            }
        }

        assertEquals(encodedLength, (int)decoderClass.getMethod("encodedLength").invoke(decoder),
            name + ": decoder consumed exactly what the encoder wrote");
    }

    private static void writeBlock(
        final Object encoder, final Class<?> decoderClass, final Element block, final Pass pass,
        final List<Object> written) throws Exception
    {
        for (final Element field : children(block, "field"))
        {
            written.add(writeField(encoder, decoderClass, field.getAttribute("name"), pass));
        }

        for (final Element group : children(block, "group"))
        {
            final String groupName = group.getAttribute("name");
            final int count = pass == Pass.MAX ? 3 : (pass == Pass.MIN ? 0 : 1);
            final Object groupEncoder = encoder.getClass().getMethod(groupName + "Count", int.class)
                .invoke(encoder, count);
            final Class<?> groupDecoderClass = nested(decoderClass, groupName);
            written.add(count);
            for (int i = 0; i < count; i++)
            {
                groupEncoder.getClass().getMethod("next").invoke(groupEncoder);
                writeBlock(groupEncoder, groupDecoderClass, group, pass, written);
            }
        }

        for (final Element data : children(block, "data"))
        {
            final String dataName = data.getAttribute("name");
            final byte[] bytes = varData(dataName, pass);
            encoder.getClass().getMethod("put" + capitalise(dataName), byte[].class, int.class, int.class)
                .invoke(encoder, bytes, 0, bytes.length);
            written.add(bytes);
        }
    }

    private static void readBlock(final Object decoder, final Element block, final List<Object> read)
        throws Exception
    {
        for (final Element field : children(block, "field"))
        {
            read.add(readField(decoder, field.getAttribute("name")));
        }

        for (final Element group : children(block, "group"))
        {
            final Object groupDecoder = decoder.getClass().getMethod(group.getAttribute("name")).invoke(decoder);
            final int count = (int)groupDecoder.getClass().getMethod("count").invoke(groupDecoder);
            read.add(count);
            for (int i = 0; i < count; i++)
            {
                groupDecoder.getClass().getMethod("next").invoke(groupDecoder);
                readBlock(groupDecoder, group, read);
            }
        }

        for (final Element data : children(block, "data"))
        {
            final String dataName = capitalise(data.getAttribute("name"));
            final int length = (int)decoder.getClass().getMethod(data.getAttribute("name") + "Length")
                .invoke(decoder);
            final byte[] bytes = new byte[length];
            decoder.getClass().getMethod("get" + dataName, byte[].class, int.class, int.class)
                .invoke(decoder, bytes, 0, length);
            read.add(bytes);
        }
    }

    private static Object writeField(
        final Object encoder, final Class<?> decoderClass, final String name, final Pass pass) throws Exception
    {
        final Method setter = setter(encoder.getClass(), name);
        final Class<?> type = setter.getParameterTypes()[0];

        if (type.isEnum())
        {
            final Object[] constants = Arrays.stream(type.getEnumConstants())
                .filter((c) -> !"NULL_VAL".equals(((Enum<?>)c).name()))
                .toArray();
            final Object value = pass == Pass.MAX ? constants[constants.length - 1] : constants[0];
            setter.invoke(encoder, value);
            return value;
        }

        if (type == String.class)
        {
            final int length = (int)decoderClass.getMethod(name + "Length").invoke(null);
            final String value = pass == Pass.MAX ? "Z".repeat(length) : (pass == Pass.MIN ? "" : "A");
            setter.invoke(encoder, value);
            return value;
        }

        final String bound = pass == Pass.MAX ? "MaxValue" : (pass == Pass.MIN ? "MinValue" : "NullValue");
        final Object value = decoderClass.getMethod(name + bound).invoke(null);
        setter.invoke(encoder, value);
        return ((Number)value).longValue();
    }

    private static Object readField(final Object decoder, final String name) throws Exception
    {
        final Object value = decoder.getClass().getMethod(name).invoke(decoder);
        if (value instanceof Number)
        {
            return ((Number)value).longValue();
        }

        return value;
    }

    private static Method setter(final Class<?> encoderClass, final String name)
    {
        Method numeric = null;
        for (final Method method : encoderClass.getMethods())
        {
            if (method.getName().equals(name) && method.getParameterCount() == 1)
            {
                final Class<?> type = method.getParameterTypes()[0];
                if (type == String.class || type.isEnum())
                {
                    return method;
                }
                if (type.isPrimitive())
                {
                    numeric = method;
                }
            }
        }

        assertNotNull(numeric, () -> encoderClass.getSimpleName() + " has no setter for " + name);
        return numeric;
    }

    private static byte[] varData(final String name, final Pass pass)
    {
        if (pass == Pass.MIN)
        {
            return new byte[0];
        }

        final byte[] bytes = new byte[pass == Pass.MAX ? 2048 : 7];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)('!' + ((i + name.length()) % 90));
        }

        return bytes;
    }

    private static Class<?> nested(final Class<?> outer, final String groupName)
    {
        final String simpleName = capitalise(groupName) + "Decoder";
        for (final Class<?> inner : outer.getClasses())
        {
            if (inner.getSimpleName().equals(simpleName))
            {
                return inner;
            }
        }

        throw new IllegalStateException(outer.getSimpleName() + " has no group decoder " + simpleName);
    }

    private static String capitalise(final String name)
    {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static Element parse(final String resource) throws Exception
    {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        try (InputStream in = SchemaRoundTripTest.class.getResourceAsStream(resource))
        {
            assertNotNull(in, resource);
            final Document document = factory.newDocumentBuilder().parse(in);
            return document.getDocumentElement();
        }
    }

    static List<Element> children(final Element parent, final String tag)
    {
        final List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling())
        {
            if (node instanceof Element && ((Element)node).getTagName().equals(tag))
            {
                result.add((Element)node);
            }
        }

        return result;
    }
}
