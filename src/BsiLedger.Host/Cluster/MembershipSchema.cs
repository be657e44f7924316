namespace BsiLedger.Host.Cluster;

/// <summary>
/// Cluster membership for <c>Microsoft.Orleans.Clustering.AdoNet</c>, written for PostgreSQL from the provider's contract
/// (docs/decisions/0009-membership-in-postgresql.md). The provider reads rows by column name and passes
/// <c>@DeploymentId</c> (the cluster id), <c>@Address</c>, <c>@Port</c>, <c>@Generation</c> and the rest as parameters;
/// <c>@Version</c> is the table version the caller read (its etag). A write that changes the membership changes the
/// cluster's version row in the same statement, and only if that row still has the version the caller read.
/// </summary>
public static class MembershipSchema
{
    public const string VersionTable = "public.orleans_membership_version";

    public const string MemberTable = "public.orleans_membership";

    /// <summary>The status Orleans stores for an active silo (<c>SiloStatus.Active</c>).</summary>
    public const int ActiveStatus = 3;

    public static OrleansSchemaPart Part { get; } = new("membership", 1, Tables, Queries());

    // Rows of a cluster go with its version row, so deleting a cluster is one statement.
    private const string Tables = $"""
        create table if not exists {VersionTable} (
            deployment_id varchar(150) primary key,
            version integer not null default 0,
            changed_at timestamptz not null default now()
        );
        create table if not exists {MemberTable} (
            deployment_id varchar(150) not null references {VersionTable} (deployment_id) on delete cascade,
            address varchar(45) not null,
            port integer not null,
            generation integer not null,
            silo_name varchar(150) not null,
            host_name varchar(150) not null,
            status integer not null,
            proxy_port integer not null,
            suspect_times text,
            start_time timestamptz not null,
            i_am_alive_time timestamptz not null,
            primary key (deployment_id, address, port, generation)
        );
        """;

    // The columns MembershipReadRowKey and MembershipReadAllKey return, under the names the provider reads them by. A
    // cluster with no silos still answers one row (the version, no StartTime): the provider reads the version from it.
    private const string MemberColumns = """
        v.deployment_id as "DeploymentId", m.address as "Address", m.port as "Port", m.generation as "Generation",
        m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status", m.proxy_port as "ProxyPort",
        m.suspect_times as "SuspectTimes", m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime",
        v.version as "Version"
        """;

    // Locks the cluster's version row if it still has the caller's version; a concurrent writer that bumped it first
    // leaves this one with no row, so the write changes nothing and answers 0.
    private const string Expected = $"""
        expected as (
            select deployment_id from {VersionTable}
            where deployment_id = @DeploymentId and version = @Version
            for update)
        """;

    private const string Bump = $"""
        bumped as (
            update {VersionTable} v set version = v.version + 1, changed_at = now()
            from changed where v.deployment_id = changed.deployment_id
            returning 1)
        select count(*) from bumped
        """;

    private static Dictionary<string, string> Queries() => new(StringComparer.Ordinal)
    {
        ["InsertMembershipVersionKey"] = $"""
            with inserted as (
                insert into {VersionTable} (deployment_id) values (@DeploymentId)
                on conflict (deployment_id) do nothing
                returning 1)
            select count(*) from inserted
            """,
        ["InsertMembershipKey"] = $"""
            with {Expected},
            changed as (
                insert into {MemberTable} (deployment_id, address, port, generation, silo_name, host_name, status,
                    proxy_port, start_time, i_am_alive_time)
                select deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                    @ProxyPort, @StartTime, @IAmAliveTime
                from expected
                on conflict (deployment_id, address, port, generation) do nothing
                returning deployment_id),
            {Bump}
            """,
        ["UpdateMembershipKey"] = $"""
            with {Expected},
            changed as (
                update {MemberTable} m set status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                from expected
                where m.deployment_id = expected.deployment_id
                    and m.address = @Address and m.port = @Port and m.generation = @Generation
                returning m.deployment_id),
            {Bump}
            """,
        // A heartbeat: no version change, as no other silo's view of the cluster depends on it.
        ["UpdateIAmAlivetimeKey"] = $"""
            update {MemberTable} set i_am_alive_time = @IAmAliveTime
            where deployment_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation
            """,
        ["MembershipReadRowKey"] = $"""
            select {MemberColumns}
            from {VersionTable} v
            left join {MemberTable} m on m.deployment_id = v.deployment_id
                and m.address = @Address and m.port = @Port and m.generation = @Generation
            where v.deployment_id = @DeploymentId
            """,
        ["MembershipReadAllKey"] = $"""
            select {MemberColumns}
            from {VersionTable} v
            left join {MemberTable} m on m.deployment_id = v.deployment_id
            where v.deployment_id = @DeploymentId
            """,
        ["DeleteMembershipTableEntriesKey"] = $"""
            delete from {VersionTable} where deployment_id = @DeploymentId
            """,
        // What a client connects to: silos that are active (@Status) and listen for clients.
        ["GatewaysQueryKey"] = $"""
            select address as "Address", proxy_port as "ProxyPort", generation as "Generation"
            from {MemberTable}
            where deployment_id = @DeploymentId and status = @Status and proxy_port > 0
            """,
        // Active silos stay whatever their heartbeat says: only the cluster declares a silo dead.
        ["CleanupDefunctSiloEntriesKey"] = $"""
            delete from {MemberTable}
            where deployment_id = @DeploymentId and i_am_alive_time < @IAmAliveTime and status <> {ActiveStatus}
            """,
    };
}
