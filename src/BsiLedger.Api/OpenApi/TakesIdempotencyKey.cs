namespace BsiLedger.Api.OpenApi;

/// <summary>Endpoint metadata: the route reads the <c>Idempotency-Key</c> header, so the document declares it.</summary>
public sealed class TakesIdempotencyKey
{
    public static TakesIdempotencyKey Instance { get; } = new();

    private TakesIdempotencyKey()
    {
    }
}
