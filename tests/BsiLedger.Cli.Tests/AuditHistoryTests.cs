using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

public sealed class AuditHistoryTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Fact]
    public async Task History_lists_every_event_with_version_domain_time_type_release_cause_and_correlation()
    {
        var id = UniqueIds.Device();
        await Enroll(id);
        await Publish("iOS 26.3.1 (a)");
        var install = (await Bsi(0, "device", "install", id, "iOS 26.3.1 (a)", "--json")).Json();
        await Bsi(0, "device", "apply", id, "iOS 26.3.1 (a)");

        var history = (await Bsi(0, "audit", "history", id, "--json")).Json();

        var events = history.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3], events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed", "bsi.bsi-applied"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("iOS 26.3.1 (a)", events[1].GetProperty("release").GetString());
        Assert.Equal($"device:{id}", events[1].GetProperty("cause").GetString());
        Assert.Equal(install.GetProperty("correlationId").GetString(), events[1].GetProperty("correlationId").GetString());
        Assert.True(events[2].GetProperty("at").GetDateTimeOffset() >= events[1].GetProperty("at").GetDateTimeOffset());
    }
}
