using BsiLedger.Api.Auth;
using BsiLedger.Operations.Input;
using Microsoft.Extensions.Configuration;

namespace BsiLedger.Api.Tests;

/// <summary>The token configuration, read as the environment gives it (<c>Auth__Tokens__auditor=…</c>), and refused when unsafe.</summary>
public sealed class AuthTokensTests
{
    private static AuthTokens From(params (string Role, string Token)[] tokens) => AuthTokens.From(
        new ConfigurationBuilder().AddInMemoryCollection(tokens.Select(t => new KeyValuePair<string, string?>($"Auth:Tokens:{t.Role}", t.Token))).Build());

    [Fact]
    public void Tokens_are_read_from_environment_variables_with_double_underscores()
    {
        var variable = $"BSITEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(variable + "Auth__Tokens__auditor", "auditor-token-from-the-environment");
        try
        {
            var tokens = AuthTokens.From(new ConfigurationBuilder().AddEnvironmentVariables(variable).Build());
            Assert.Equal(Roles.Auditor, tokens.RoleOf("auditor-token-from-the-environment"));
            Assert.Equal([Roles.Auditor], tokens.ConfiguredRoles);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable + "Auth__Tokens__auditor", null);
        }
    }

    [Fact]
    public void A_role_without_a_token_cannot_be_used()
    {
        var tokens = From((Roles.Operator, "operator-token-0123456789"));
        Assert.Null(tokens.RoleOf(""));
        Assert.Null(tokens.RoleOf("auditor-token-0123456789"));
        Assert.Null(tokens.Devices);
        Assert.Equal(Roles.Operator, tokens.RoleOf("operator-token-0123456789"));
    }

    [Theory]
    [InlineData("operater", "operator-token-0123456789", "is not a role")]
    [InlineData("operator", "short", "at least 16 characters")]
    [InlineData("operator", "has a space in it, 0123456789", "no spaces")]
    public void An_unsafe_configuration_stops_the_server_with_what_to_fix(string role, string token, string expected)
    {
        var error = Assert.Throws<UsageException>(() => From((role, token)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_roles_sharing_one_token_are_refused()
    {
        var error = Assert.Throws<UsageException>(() => From((Roles.Operator, "same-token-0123456789"), (Roles.Auditor, "same-token-0123456789")));
        Assert.Contains("share one token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_token_names_its_device_and_only_this_key_issues_it()
    {
        var tokens = From((Roles.Device, "device-key-0123456789abcdef"));
        var token = tokens.Devices!.Issue("C02X.1234");
        Assert.StartsWith("C02X.1234.", token, StringComparison.Ordinal);
        Assert.Equal("C02X.1234", tokens.Devices.DeviceOf(token));
        Assert.Null(tokens.RoleOf(token));

        var otherKey = From((Roles.Device, "another-key-0123456789abcdef"));
        Assert.Null(otherKey.Devices!.DeviceOf(token));
        Assert.Null(tokens.Devices.DeviceOf("C02X.1234"));
        Assert.Null(tokens.Devices.DeviceOf("bad id with spaces." + token[(token.LastIndexOf('.') + 1)..]));
    }
}
