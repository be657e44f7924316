using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>docs/api.md's table of operations says what the committed document says: each operation's route and roles.</summary>
public sealed class ApiDocsTests
{
    [Fact]
    public void The_operation_table_in_the_api_docs_states_each_operations_route_and_roles_as_the_document_does()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "api.md")).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
        using var document = JsonDocument.Parse(File.ReadAllText(ApiDescription.FilePath));

        var operations = from path in document.RootElement.GetProperty("paths").EnumerateObject()
                         from method in path.Value.EnumerateObject()
                         select (Route: $"`{method.Name.ToUpperInvariant()} {path.Name}`", Id: method.Value.GetProperty("operationId").GetString()!,
                             Roles: string.Join(", ", method.Value.GetProperty("x-bsi-roles").EnumerateArray().Select(role => $"`{role.GetString()}`")));
        Assert.All(operations, operation =>
        {
            var row = rows.SingleOrDefault(line => line.StartsWith($"| `{operation.Id}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/api.md has no row for {operation.Id}");
            Assert.Contains($"| {operation.Route} |", row, StringComparison.Ordinal);
            Assert.Contains($"| {operation.Roles} |", row, StringComparison.Ordinal);
        });
    }
}
