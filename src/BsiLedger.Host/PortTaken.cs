using System.Net.Sockets;

namespace BsiLedger.Host;

/// <summary>Whether a listener's start failed because its port was bound by someone else.</summary>
public static class PortTaken
{
    // Orleans' listeners wrap the socket's error in ASP.NET Core's AddressInUseException.
    public static bool Caused(Exception failure) =>
        Chain(failure).Any(e => e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse });

    private static IEnumerable<Exception> Chain(Exception failure) => failure switch
    {
        AggregateException aggregate => [aggregate, .. aggregate.InnerExceptions.SelectMany(Chain)],
        { InnerException: { } inner } => [failure, .. Chain(inner)],
        _ => [failure],
    };
}
