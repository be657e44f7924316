using System.Text.Json;
using System.Text.Json.Serialization;
using BsiLedger.Api.Auth;
using BsiLedger.Api.Checkpoints;
using BsiLedger.Api.Endpoints;
using BsiLedger.Api.OpenApi;
using BsiLedger.Api.Problems;
using BsiLedger.Host;
using BsiLedger.Host.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace BsiLedger.Api;

/// <summary>
/// <c>bsi serve</c>'s process: the ledger's host (silo, Marten, telemetry) configured by <see cref="LedgerHost"/> on a web
/// application, with the HTTP API, its bearer-token roles and problem details mounted beside it. Metrics, the dashboard and
/// the like mount here too, behind <see cref="Policies.Watch"/>.
/// </summary>
public static class ApiServer
{
    public const string MetricsPath = "/metrics";

    public const string DashboardPath = "/dashboard";

    public static WebApplication Build(ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(options.Configuration);
        LedgerHost.Configure(builder, options.Ledger with { ConfigureSilo = silo => WithDashboard(silo, options.Ledger.ConfigureSilo) });
        // Authentication brings data protection, which warns that its keys are unencrypted; no cookie or secret here uses them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddSingleton(new LedgerConnection(options.Ledger.ConnectionString));
        builder.Services.AddSingleton(AuthTokens.From(builder.Configuration));
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<LedgerExceptionHandler>();
        if (options.Checkpoints is { } schedule)
        {
            builder.Services.AddHostedService(services => new ScheduledCheckpoints(
                schedule, options.Ledger.ConnectionString, services.GetRequiredService<ILogger<ScheduledCheckpoints>>()));
        }

        builder.Services.AddHealthChecks().AddCheck<LedgerHealthCheck>("ledger");
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.WriteIndented = true;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<BearerDocument>()
            .AddOperationTransformer<RoleOperations>()
            .AddOperationTransformer<IdempotencyKeyHeader>()
            .AddOperationTransformer<RecordedExamples>()
            .AddSchemaTransformer<ProblemSchema>());
        // Scraped whatever --telemetry says: a pull endpoint costs nothing until someone reads it.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(LedgerTelemetryRegistration.Meters).AddLibraryMetricViews().AddPrometheusExporter());
        // A request is the root of its trace (or continues the caller's traceparent), when traces are on at all.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAspNetCoreInstrumentation());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.Use(ConsoleCookieGuard.CheckAsync);
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Watch);
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Policies.Watch).WithMetadata(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
        DashboardSignIn.Map(app);
        ConsoleSignIn.Map(app);
        WebConsole.ConsolePages.Map(app);
        ReleaseEndpoints.Map(app);
        DeviceEndpoints.Map(app);
        AuditEndpoints.Map(app);
        CheckpointEndpoints.Map(app);
        return app;
    }

    private static void WithDashboard(ISiloBuilder silo, Action<ISiloBuilder>? configured)
    {
        silo.AddDashboard();
        configured?.Invoke(silo);
    }
}
