using System.ComponentModel.DataAnnotations;

namespace Referrals.ServiceDefaults.Security;

/// <summary>The front door's limits (section <c>Edge</c>): the gateway in the distributed mode, the embedded host otherwise.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>Larger bodies get 413 before anything reads them. A referral is a few kilobytes.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The portal's origin(s), e.g. https://portal.referrals.example.lv; no other origin gets CORS headers.</summary>
    public string[] PortalOrigins { get; set; } = [];

    /// <summary>Redirect to HTTPS and send HSTS (production behind TLS). Off where TLS ends before the process and says so in X-Forwarded-Proto.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Proxies whose X-Forwarded-For/-Proto/-Host are believed (IP addresses or CIDR networks, e.g. the ingress
    /// controller's pod network 10.0.0.0/8). Empty: only loopback, so a client cannot claim another address and slip
    /// past the per-address rate limit.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Sustained requests per second of one signed-in user.</summary>
    [Range(1, 100_000)]
    public int UserRequestsPerSecond { get; set; } = 20;

    /// <summary>How many requests one user may make at once above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int UserBurst { get; set; } = 200;

    /// <summary>Sustained requests per second from one IP address, signed in or not.</summary>
    [Range(1, 100_000)]
    public int AddressRequestsPerSecond { get; set; } = 50;

    [Range(1, 1_000_000)]
    public int AddressBurst { get; set; } = 500;
}
