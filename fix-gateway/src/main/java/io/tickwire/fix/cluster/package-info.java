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
/**
 * Aeron Cluster plumbing for the order path: {@link io.tickwire.fix.cluster.ClusterMember} runs one member (driver,
 * archive, consensus module, service) in-process as its {@link io.tickwire.fix.cluster.ClusterMemberContext} says,
 * {@link io.tickwire.fix.cluster.ClusterClients} connects the gateway as a client,
 * {@link io.tickwire.fix.cluster.ClusterConfiguration} holds the defaults and the port layout,
 * {@link io.tickwire.fix.cluster.MatchingService} is the matching engine as the replicated state machine,
 * {@link io.tickwire.fix.cluster.ClusterMarketData} publishes its book changes while the member leads, and
 * {@link io.tickwire.fix.cluster.EchoClusteredService} is the do-nothing service that sets the latency floor.
 */
package io.tickwire.fix.cluster;
