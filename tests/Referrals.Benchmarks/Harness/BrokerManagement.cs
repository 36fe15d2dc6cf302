using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Referrals.Benchmarks.Harness;

/// <summary>The RabbitMQ management API: broker version, and a fresh virtual host per run so runs never share queues.</summary>
public sealed class BrokerManagement : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _user;

    public BrokerManagement(Uri managementUrl, Uri amqpUrl)
    {
        _http = new HttpClient { BaseAddress = new Uri(managementUrl.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(30) };
        var credentials = Uri.UnescapeDataString(managementUrl.UserInfo is { Length: > 0 } info ? info : "guest:guest");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        _user = Uri.UnescapeDataString(amqpUrl.UserInfo.Split(':')[0] is { Length: > 0 } user ? user : "guest");
    }

    /// <summary>"RabbitMQ 3.10.8 (Erlang 24.2.1)".</summary>
    public async Task<string> BrokerVersionAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/api/overview", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = json.RootElement;
        return $"RabbitMQ {root.GetProperty("rabbitmq_version").GetString()} (Erlang {root.GetProperty("erlang_version").GetString()})";
    }

    /// <summary>Creates a virtual host the AMQP user may use fully, and returns the AMQP URL pointing at it.</summary>
    public async Task<(string Name, Uri Url)> CreateVirtualHostAsync(string prefix, Uri amqpUrl, CancellationToken cancellationToken)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using (var empty = new StringContent("{}", Encoding.UTF8, "application/json"))
        using (var created = await _http.PutAsync(new Uri($"/api/vhosts/{name}", UriKind.Relative), empty, cancellationToken))
        {
            created.EnsureSuccessStatusCode();
        }

        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        using (var granted = await _http.PutAsync(new Uri($"/api/permissions/{name}/{Uri.EscapeDataString(_user)}", UriKind.Relative), permissions, cancellationToken))
        {
            granted.EnsureSuccessStatusCode();
        }

        return (name, new UriBuilder(amqpUrl) { Path = "/" + name }.Uri);
    }

    public async Task DeleteVirtualHostAsync(string name)
    {
        using var deleted = await _http.DeleteAsync(new Uri($"/api/vhosts/{name}", UriKind.Relative), CancellationToken.None);
        if (!deleted.IsSuccessStatusCode)
        {
            Report.Progress($"could not delete virtual host {name}: {(int)deleted.StatusCode}");
        }
    }

    public void Dispose() => _http.Dispose();
}
