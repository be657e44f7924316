namespace BsiLedger.Host.Cluster;

/// <summary>One silo's row in the membership table, as <c>bsi cluster status</c> shows it.</summary>
/// <param name="Address">Where the other silos reach it, <c>ip:port</c>.</param>
/// <param name="Status">Orleans' status in kebab case: <c>active</c>, <c>joining</c>, <c>shutting-down</c>, <c>dead</c>…</param>
/// <param name="IAmAliveAt">Its last heartbeat.</param>
/// <param name="Gateway">Where clients connect, <c>ip:port</c>; null for a silo that takes no clients.</param>
public sealed record ClusterSilo(string Address, string Status, DateTimeOffset StartedAt, DateTimeOffset IAmAliveAt, string? Gateway);
