using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>Runs bsi against the test database; every call also asserts the exit code it expects.</summary>
public abstract class CliTest(PostgresFixture postgres)
{
    protected string ConnectionString => postgres.ConnectionString;

    protected Task<BsiRun> Bsi(int expectedExit, params string[] args) => OwnLedger.Run(postgres.ConnectionString, expectedExit, args);

    /// <summary>The events stored in one stream: a device's (its id) or a release's (its release id).</summary>
    protected Task<long> RowsAsync(string streamId) => StoredRows.CountAsync(postgres.ConnectionString, streamId);

    protected Task Enroll(string id, string os = "26.3.1") => Bsi(0, "device", "enroll", id, "--platform", "iOS", "--os", os);

    /// <summary>Publishes the release (a WebKit fix unless told otherwise); publishing it again with the same facts changes nothing.</summary>
    protected Task Publish(string release, params string[] options) =>
        Bsi(0, ["release", "publish", release, .. (options.Length > 0 ? options : ["--components", "WebKit"])]);
}
