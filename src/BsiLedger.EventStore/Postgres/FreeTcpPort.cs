using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace BsiLedger.EventStore.Postgres;

public static class FreeTcpPort
{
    private const int Floor = 20000;

    private const int Attempts = 50;

    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    // Ports are picked for listeners that bind later, often two or three at once (a silo's and its gateway's): a port
    // free for the first pick is still free for the second, so without this a process could be given one port twice
    // and its second listener would find its own first one there.
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A loopback port that was free a moment ago and that this process has not been given before (short of its having
    /// been given some thousands already); the caller must cope with losing a race for it to another process. It is
    /// drawn from below the kernel's ephemeral range where there is room: a port from that range is what the kernel
    /// hands the next outgoing connection (a connection pool opening), so one picked from it could be taken by such a
    /// connection between the pick and the bind.
    /// </summary>
    public static int Pick()
    {
        lock (Given)
        {
            var port = Below(EphemeralRangeStart()) ?? FromKernel();
            Given.Add(port);
            return port;
        }
    }

    private static int? Below(int ephemeralStart)
    {
        for (var attempt = 0; ephemeralStart > Floor + 1000 && attempt < Attempts; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(Floor, ephemeralStart);
            if (!Given.Contains(port) && IsFree(port))
            {
                return port;
            }
        }

        return null;
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText(EphemeralRangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or no /proc: the kernel's own pick.
            return 0;
        }
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static int FromKernel()
    {
        for (var attempt = 1; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (!Given.Contains(port) || attempt == Attempts)
                {
                    return port;
                }
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
