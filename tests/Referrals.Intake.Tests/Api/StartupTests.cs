using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

public sealed class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_store_connection_string_stops_the_service_at_start()
    {
        var error = await StartupFailure.CaptureAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:IntakeStore"] = "",
                ["Messaging:Transport"] = "InMemory",
                ["Identity:Mode"] = "Development",
            },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.AddIntake();
                builder.AddMessaging();
            });

        // Every invalid section is reported at once (an AggregateException when there are several).
        IEnumerable<Exception> errors = error is AggregateException all ? all.InnerExceptions : [error!];
        Assert.Contains(errors, e => e is OptionsValidationException && e.Message.Contains("IntakeStore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_when_the_store_answers()
    {
        using var directory = new TempDirectory();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:IntakeStore", directory.SqliteConnectionString("intake"));
            builder.UseSetting("Messaging:Transport", "InMemory");
        });

        var response = await factory.CreateClient().GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
