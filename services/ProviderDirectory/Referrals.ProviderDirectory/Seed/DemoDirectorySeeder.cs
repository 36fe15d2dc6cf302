using System.Text.Json;
using Microsoft.Extensions.Options;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.Store;

using Referrals.ServiceDefaults.Http;

namespace Referrals.ProviderDirectory.Seed;

/// <summary>
/// Opens the store at start (creating MongoDB indexes / SQLite tables) and, when the directory is empty and seeding is
/// on, loads the real register (seed 000 providers, seed 004 social services; no known free places) and the demo
/// directory on top (demo organisations with free places, so the try-it flow works). Its capacity events wait in the
/// documents for the outbox sweeper.
/// </summary>
public sealed class DemoDirectorySeeder(
    IDirectoryStore store,
    OrganisationWriter writer,
    RegisterLoader register,
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

        var registerPath = Path.Combine(AppContext.BaseDirectory, settings.RegisterFile);
        var officesPath = Path.Combine(AppContext.BaseDirectory, settings.SocialServicesFile);
        var crosswalkPath = Path.Combine(AppContext.BaseDirectory, settings.CrosswalkFile);
        if (File.Exists(registerPath) && File.Exists(officesPath) && File.Exists(crosswalkPath))
        {
            var loaded = await register.LoadAsync(registerPath, officesPath, crosswalkPath, cancellationToken);
            DirectoryLog.RegisterLoaded(logger, loaded.Organisations, loaded.Services, loaded.Offices);
        }
        else
        {
            DirectoryLog.SeedMissing(logger, registerPath);
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
