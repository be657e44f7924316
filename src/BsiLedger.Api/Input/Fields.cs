using BsiLedger.Api.Problems;
using BsiLedger.Operations.Input;

namespace BsiLedger.Api.Input;

/// <summary>Runs the CLI's own parsers on one field of a request, so a usage error becomes a 400 naming that field.</summary>
public static class Fields
{
    public static T Read<T>(string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (UsageException e)
        {
            throw new InvalidFieldException(field, e.Message);
        }
    }

    public static async Task<T> ReadAsync<T>(string field, Func<Task<T>> parse)
    {
        try
        {
            return await parse();
        }
        catch (UsageException e)
        {
            throw new InvalidFieldException(field, e.Message);
        }
    }

    /// <summary>
    /// A domain rule's <c>"name: what is wrong"</c> (a publication's or a plan's problem) as a 400 naming the request's
    /// field: the first of <paramref name="fields"/> whose name the problem starts with, else <paramref name="fallback"/>.
    /// </summary>
    public static void Check(string? problem, string fallback, params (string Prefix, string Field)[] fields)
    {
        if (problem is not null)
        {
            var field = fields.FirstOrDefault(f => problem.StartsWith(f.Prefix, StringComparison.Ordinal)).Field ?? fallback;
            throw new InvalidFieldException(field, problem);
        }
    }
}
