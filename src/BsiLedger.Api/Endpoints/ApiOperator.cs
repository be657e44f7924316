using BsiLedger.Domain;

namespace BsiLedger.Api.Endpoints;

/// <summary>Who an operator's command through the API is recorded as: one shared token names no person, so the channel.</summary>
public static class ApiOperator
{
    public static Cause Cause { get; } = Cause.Operator("api");
}
