using System.Net;
using System.Text.Json;
using BsiLedger.Api.Auth;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> as OpenAPI tools read it: every operation says who may call it and what it answers, and
/// Redocly CLI's recommended rules find no error.
/// </summary>
public sealed class OpenApiDocumentTests(ApiServerFixture server) : ApiTest(server)
{
    /// <summary>Warnings the recommended rules still give, each with its reason (docs/decisions/0014-api-as-clients-use-it.md).</summary>
    private static readonly Dictionary<string, string> AcceptedWarnings = new()
    {
        ["info-license"] = "the project has chosen no licence yet; the document will not invent one",
    };

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_names_its_id_summary_bearer_scheme_roles_and_problems()
    {
        var document = await Expect(HttpStatusCode.OK, Get(Auditor, "/openapi/v1.json"));

        Assert.All(document.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        var operations = Operations(document).ToList();
        Assert.Equal(24, operations.Count);
        Assert.All(operations, op =>
        {
            var (path, method, operation) = op;
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), name);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), name);
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("bearer", out _), name);
            var roles = operation.GetProperty("x-bsi-roles").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.Contains(roles, role => Policies.RolesOf.Values.Any(admitted => admitted.Contains(role)));
            Assert.Contains($"Roles: {(roles.Contains(Roles.Device) ? "operator, or the device" : string.Join(", ", roles))}",
                operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {response.Name}");
            }

            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Superset(new HashSet<string> { "401", "403", "500", "503" }, statuses.ToHashSet());
            var takesKey = operation.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
            Assert.True(takesKey == (method == "post"), $"{name}: Idempotency-Key declared {takesKey}");
        });
    }

    [Fact]
    public async Task Redocly_recommended_rules_find_no_error_and_only_the_accepted_warnings()
    {
        using var response = await Get(Auditor, "/openapi/v1.json");
        var file = Path.Combine(Path.GetTempPath(), $"bsiledger-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        try
        {
            var redocly = Path.Combine(RepositoryRoot.Path, "tools", "redocly", "node_modules", ".bin", "redocly");
            var lint = await ExternalTool.RunAsync(redocly, "npm ci --prefix tools/redocly", ["lint", "--extends", "recommended", "--format", "json", file],
                environment: new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

            using var report = JsonDocument.Parse(lint.Stdout);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => (Rule: p.GetProperty("ruleId").GetString()!, Severity: p.GetProperty("severity").GetString()!, Message: p.GetProperty("message").GetString()!))
                .ToList();
            Assert.True(lint.ExitCode == 0, lint.ToString());
            Assert.DoesNotContain(problems, p => p.Severity == "error");
            Assert.DoesNotContain(problems, p => !AcceptedWarnings.ContainsKey(p.Rule));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);
}
