using BsiLedger.Domain.Releases;
using BsiLedger.Operations.Input;

namespace BsiLedger.Api.Input;

/// <summary>The <c>{id}</c> of a route, URL-decoded, checked as the CLI checks an argument: a 400 naming <c>id</c> when malformed.</summary>
public static class Ids
{
    public static string Device(string id) => Fields.Read("id", () => InputParsers.DeviceId(id));

    public static ReleaseId Release(string id) => Fields.Read("id", () => InputParsers.Release(id));
}
