using BsiLedger.Api.Problems;
using BsiLedger.Domain;
using BsiLedger.Operations.Input;
using Microsoft.AspNetCore.Http;

namespace BsiLedger.Api.Input;

/// <summary>
/// The <c>Idempotency-Key</c> request header: the id the command is recorded under, so a client that lost the answer
/// and sends the request again gets the first outcome and appends nothing. Without it the command gets a fresh id.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>The command's provenance: its own correlation, under the key or a fresh id; a malformed key is a 400 naming the header.</summary>
    public static Provenance Read(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0)
        {
            return Provenance.NewCommand();
        }

        if (values.Count > 1)
        {
            throw new InvalidFieldException(Header, $"{Header}: give one key, not {values.Count}");
        }

        // The IETF draft writes the key as a structured-field string ("…"); clients also send it bare.
        var key = values[0] is ['"', .. var inner, '"'] ? inner : values[0];
        return Provenance.NewCommand(Fields.Read(Header, () => InputParsers.CommandId(Header, key)));
    }
}
