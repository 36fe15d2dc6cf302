using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Referrals.Testing;

namespace Referrals.Integration.Tests;

/// <summary>Reads queue depths of a test's virtual host through the broker's management API.</summary>
public sealed class RabbitMqManagement(string amqpUrl)
{
    public async Task<int> MessagesInQueueAsync(string queue)
    {
        var management = new Uri(await TestInfrastructure.RabbitMqManagementUrlAsync()
            ?? throw new InvalidOperationException("No management API for the test broker."));
        var vhost = new Uri(amqpUrl).AbsolutePath.Trim('/');
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        using var response = await http.GetAsync(new Uri($"/api/queues/{Uri.EscapeDataString(vhost)}/{queue}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["messages"]?.GetValue<int>() ?? 0;
    }
}
