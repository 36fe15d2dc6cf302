using System.Net;
using System.Net.Sockets;

namespace Referrals.Portal.Tests.Hosting;

public static class FreePort
{
    /// <summary>A port free a moment ago: the host must know its own address before it starts (the portal calls itself).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
