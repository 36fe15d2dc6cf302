using System.Text.Json;
using Microsoft.Extensions.Options;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Seed;

/// <summary>
/// Opens the store at start (creating MongoDB indexes / SQLite tables) and, when the directory is empty and seeding is
/// on, loads the demo directory. Its capacity events wait in the documents for the outbox sweeper.
/// </summary>
public sealed class DemoDirectorySeeder(
    IDirectoryStore store,
    OrganisationWriter writer,
    IOptions<ProviderDirectoryOptions> options,
    ILogger<DemoDirectorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SeedDemoDirectory || await store.AnyOrganisationAsync(cancellationToken))
        {
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, settings.DemoDirectoryFile);
        if (!File.Exists(path))
        {
            DirectoryLog.SeedMissing(logger, path);
            return;
        }

        await using var file = File.OpenRead(path);
        var organisations = await JsonSerializer.DeserializeAsync<List<OrganisationInput>>(file, JsonBody.Options, cancellationToken) ?? [];
        foreach (var organisation in organisations)
        {
            var errors = OrganisationValidator.Validate(organisation);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{settings.DemoDirectoryFile}: organisation {organisation.Id} is invalid ({string.Join(", ", errors.Keys)}).");
            }

            await writer.SaveAsync(organisation, "seed", publisher: null, cancellationToken);
        }

        DirectoryLog.Seeded(logger, organisations.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
