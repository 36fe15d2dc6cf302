using MassTransit;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.Reference;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Organisations;

public enum SaveOutcome
{
    Created,
    Replaced,
    ServiceOfAnotherProvider,
}

/// <summary>
/// Creates or replaces an organisation and its services. Each service keeps its pending offers and placements; a
/// change of free places raises <c>CapacityChanged</c>, so waiting referrals are offered new places.
/// </summary>
public sealed class OrganisationWriter(IDirectoryStore store, ServicePublishing publishing, TimeProvider time)
{
    /// <param name="publisher">Null at start-up (before the bus runs): the outbox sweeper publishes later.</param>
    public async Task<(SaveOutcome Outcome, OrganisationView? View)> SaveAsync(
        OrganisationInput input, string? actor, IPublishEndpoint? publisher, CancellationToken cancellationToken)
    {
        var id = input.Id!;
        var services = input.Services ?? [];
        foreach (var service in services)
        {
            var existing = await store.Services.FindAsync(service.Id!, cancellationToken);
            if (existing is not null && existing.ProviderId != id)
            {
                return (SaveOutcome.ServiceOfAnotherProvider, null);
            }
        }

        var now = time.GetUtcNow();
        var created = await SaveOrganisationAsync(input, now, cancellationToken);
        var region = Municipalities.Find(input.Municipality)?.Region.ToString() ?? "";
        var saved = new List<ServiceDocument>();
        foreach (var service in services)
        {
            var document = await SaveServiceAsync(input, service, region, actor, now, cancellationToken);
            if (publisher is not null)
            {
                await publishing.PublishAsync(document, publisher, cancellationToken);
            }

            saved.Add(document);
        }

        var kept = services.Select(s => s.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (var dropped in await store.ServicesOfProviderAsync(id, cancellationToken))
        {
            if (!kept.Contains(dropped.Id) && dropped.Active)
            {
                await store.Services.UpdateAsync(dropped.Id, s =>
                {
                    s.Active = false;
                    s.UpdatedAt = now;
                    return true;
                }, cancellationToken: cancellationToken);
            }
        }

        var organisation = await store.Organisations.FindAsync(id, cancellationToken);
        return (created ? SaveOutcome.Created : SaveOutcome.Replaced, OrganisationView.Of(organisation!, saved));
    }

    private async Task<bool> SaveOrganisationAsync(OrganisationInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var fresh = new OrganisationDocument { Id = input.Id! };
            Fill(fresh, input, now);
            if (await store.Organisations.TryInsertAsync(fresh, cancellationToken))
            {
                return true;
            }

            var updated = await store.Organisations.UpdateAsync(input.Id!, o => Fill(o, input, now), cancellationToken: cancellationToken);
            if (updated is not null)
            {
                return false;
            }
        }
    }

    private async Task<ServiceDocument> SaveServiceAsync(
        OrganisationInput organisation, ServiceInput input, string region, string? actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var fresh = new ServiceDocument { Id = input.Id! };
            Fill(fresh, organisation, input, region, actor, now);
            if (await store.Services.TryInsertAsync(fresh, cancellationToken))
            {
                return fresh;
            }

            var updated = await store.Services.UpdateAsync(
                input.Id!, s => Fill(s, organisation, input, region, actor, now), cancellationToken: cancellationToken);
            if (updated is not null)
            {
                return updated;
            }
        }
    }

    private static bool Fill(OrganisationDocument document, OrganisationInput input, DateTimeOffset now)
    {
        document.HsdsId = Hsds.HsdsIds.Organisation(document.Id);
        document.Name = input.Name!.Trim();
        document.Phone = input.Phone;
        document.Email = input.Email;
        document.Municipality = input.Municipality!;
        document.ServiceIds = [.. (input.Services ?? []).Select(s => s.Id!)];
        document.UpdatedAt = now;
        return true;
    }

    private static bool Fill(
        ServiceDocument document, OrganisationInput organisation, ServiceInput input, string region, string? actor, DateTimeOffset now)
    {
        var isNew = document.Version == 0;
        var capacityChanged = isNew || document.Available != input.Available || document.Maximum != input.Maximum;
        document.HsdsId = Hsds.HsdsIds.Service(document.Id);
        document.ProviderId = organisation.Id!;
        document.ProviderName = organisation.Name!.Trim();
        document.ProviderPhone = organisation.Phone;
        document.ServiceType = input.ServiceType!;
        document.ClientGroups = [.. input.ClientGroups ?? []];
        document.MinAge = input.MinAge;
        document.MaxAge = input.MaxAge;
        document.Gender = input.Gender;
        document.Municipality = organisation.Municipality!;
        document.PlanningRegion = region;
        document.Maximum = input.Maximum!.Value;
        document.Available = input.Available!.Value;
        document.Active = true;
        document.UpdatedAt = now;
        if (capacityChanged)
        {
            document.RaiseCapacityChanged(actor, now);
        }

        return true;
    }
}
