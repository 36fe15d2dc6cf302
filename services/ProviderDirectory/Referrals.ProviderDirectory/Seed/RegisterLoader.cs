using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Store;
using Referrals.Reference;

using Referrals.ServiceDefaults.Http;

namespace Referrals.ProviderDirectory.Seed;

public sealed record LoadSummary(int Organisations, int Services, int Offices, int Changed);

/// <summary>
/// Loads the importer's register (seed 000: providers and their services) and Annex 3 of seed 004 (municipal social
/// services, which refer clients and are not placed with) into the store. Keyed by the importer's stable keys: loading
/// again changes nothing unless the source changed, and never touches free places, offers or placements.
/// </summary>
public sealed partial class RegisterLoader(IDirectoryStore store, TimeProvider time)
{
    public const string SocialServicePrefix = "sd-";

    public async Task<LoadSummary> LoadAsync(string registerPath, string officesPath, string crosswalkPath, CancellationToken cancellationToken)
    {
        var crosswalk = (await ReadAsync<CrosswalkFile>(crosswalkPath, cancellationToken)).Sections ?? [];
        var sections = crosswalk.ToDictionary(c => c.Section);
        var register = await ReadAsync<RegisterFile>(registerPath, cancellationToken);
        var offices = await ReadAsync<OfficesFile>(officesPath, cancellationToken);
        var now = time.GetUtcNow();
        int organisations = 0, services = 0, officeCount = 0, changed = 0;
        foreach (var provider in register.Providers ?? [])
        {
            if (!sections.TryGetValue(provider.Section, out var section) || Municipalities.Find(section.Code) is not { } municipality)
            {
                throw new InvalidOperationException($"{crosswalkPath}: no 2021 municipality for register section {provider.Section}.");
            }

            var serviceTypes = (provider.ServiceTypes ?? []).Where(ServiceTypes.IsKnown).Distinct(StringComparer.Ordinal).ToList();
            var organisation = OrganisationOf(provider, municipality, serviceTypes);
            changed += await UpsertAsync(store.Organisations, organisation, Describe, now, cancellationToken) ? 1 : 0;
            organisations++;
            foreach (var type in serviceTypes)
            {
                var service = ServiceOf(provider, organisation, municipality, type);
                changed += await UpsertAsync(store.Services, service, Describe, now, cancellationToken) ? 1 : 0;
                services++;
            }
        }

        foreach (var office in offices.Offices ?? [])
        {
            if (Municipalities.Find(office.MunicipalityCode) is not { } municipality)
            {
                continue;
            }

            changed += await UpsertAsync(store.Organisations, OfficeOf(office, municipality), Describe, now, cancellationToken) ? 1 : 0;
            officeCount++;
        }

        return new LoadSummary(organisations, services, officeCount, changed);
    }

    public static string ServiceIdOf(string providerKey, string serviceType) => $"{providerKey}-{serviceType}";

    private static OrganisationDocument OrganisationOf(RegisterProvider provider, Municipality municipality, List<string> serviceTypes)
    {
        var (street, city) = SplitAddress(provider.Address?.Source);
        var phones = PhonesOf(provider.Phones);
        return new OrganisationDocument
        {
            Id = provider.Key,
            HsdsId = HsdsIds.Organisation(provider.Key),
            Kind = OrganisationKinds.Provider,
            Name = provider.Name.Trim(),
            Municipality = municipality.Code,
            LegalStatus = provider.LegalStatus?.Code,
            ProviderType = provider.ProviderType?.Code,
            Address = street,
            City = city,
            PostalCode = provider.Address?.PostalCode,
            Phones = phones,
            Phone = phones.FirstOrDefault(p => p.Type == "voice")?.Number,
            Emails = [.. provider.Emails ?? []],
            Email = First(provider.Emails),
            Websites = [.. provider.Websites ?? []],
            ServiceIds = [.. serviceTypes.Select(t => ServiceIdOf(provider.Key, t))],
            Source = string.Create(CultureInfo.InvariantCulture,
                $"register-000 §{provider.Section} {provider.SectionName} row {provider.Row}, lines {provider.FirstLine}–{provider.LastLine}"),
        };
    }

    private static ServiceDocument ServiceOf(RegisterProvider provider, OrganisationDocument organisation, Municipality municipality, string type)
    {
        var ageGroups = provider.Clients?.AgeGroups ?? [];
        var (minAge, maxAge) = ClientProfile.AgesOf(ageGroups.ToList());
        var id = ServiceIdOf(provider.Key, type);
        return new ServiceDocument
        {
            Id = id,
            HsdsId = HsdsIds.Service(id),
            ProviderId = organisation.Id,
            ProviderName = organisation.Name,
            ProviderPhone = organisation.Phone,
            ServiceType = type,
            ClientGroups = ClientProfile.GroupsOf(provider.ClientGroups),
            AgeGroups = [.. ageGroups],
            MinAge = minAge,
            MaxAge = maxAge,
            Gender = ClientProfile.GenderOf(provider.Clients?.Gender),
            Municipality = municipality.Code,
            PlanningRegion = municipality.Region.ToString(),
            ServiceKind = provider.ServiceKind?.Code,
            Active = true,
        };
    }

    private static OrganisationDocument OfficeOf(SocialServiceOfficeRow office, Municipality municipality)
    {
        var (street, city) = SplitAddress(First(office.Addresses));
        var phones = PhonesOf(office.Phones);
        var id = SocialServicePrefix + office.Key;
        return new OrganisationDocument
        {
            Id = id,
            HsdsId = HsdsIds.Organisation(id),
            Kind = OrganisationKinds.SocialService,
            Name = office.Name.Trim(),
            Municipality = municipality.Code,
            ProviderType = "municipal-social-service",
            Address = street,
            City = city,
            PostalCode = First(office.PostalCodes),
            Phones = phones,
            Phone = phones.FirstOrDefault(p => p.Type == "voice")?.Number,
            Emails = [.. office.Emails ?? []],
            Email = First(office.Emails),
            Websites = [.. office.Websites ?? []],
            Source = string.Create(CultureInfo.InvariantCulture, $"social-services-004 Annex 3, line {office.Line}"),
        };
    }

    private static string? First(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values[0] : null;

    private static List<ContactPhone> PhonesOf(IReadOnlyList<SeedPhone>? phones) =>
        [.. (phones ?? []).Where(p => p.E164 is not null).Select(p => new ContactPhone(p.E164!, p.Type ?? "voice"))];

    /// <summary>"Komandanta iela 3, Daugavpils, LV - 5401" → ("Komandanta iela 3", "Daugavpils"); the postal code is kept apart.</summary>
    public static (string? Street, string? City) SplitAddress(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return (null, null);
        }

        var parts = source.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !PostalCode().IsMatch(p))
            .ToList();
        return parts.Count switch
        {
            0 => (null, null),
            1 => (parts[0], null),
            _ => (string.Join(", ", parts[..^1]), parts[^1]),
        };
    }

    /// <summary>Inserts, or rewrites the descriptive fields when they differ; free places and offers are never touched.</summary>
    private static async Task<bool> UpsertAsync<T>(
        IDocumentCollection<T> collection, T fresh, Func<T, string> describe, DateTimeOffset now, CancellationToken cancellationToken)
        where T : Messaging.Outbox.OutboxDocument
    {
        while (true)
        {
            Touch(fresh, now);
            if (await collection.TryInsertAsync(fresh, cancellationToken))
            {
                return true;
            }

            var changed = false;
            var saved = await collection.UpdateAsync(fresh.Id, existing =>
            {
                changed = describe(existing) != describe(fresh);
                if (changed)
                {
                    CopyDescription(fresh, existing);
                    Touch(existing, now);
                }

                return changed;
            }, cancellationToken: cancellationToken);
            if (saved is not null)
            {
                return changed;
            }
        }
    }

    private static void Touch<T>(T document, DateTimeOffset now)
    {
        switch (document)
        {
            case OrganisationDocument o:
                o.UpdatedAt = now;
                break;
            case ServiceDocument s:
                s.UpdatedAt = now;
                s.CapacityUpdatedAt ??= now;
                break;
        }
    }

    private static void CopyDescription<T>(T from, T to)
    {
        switch (from, to)
        {
            case (OrganisationDocument source, OrganisationDocument target):
                target.HsdsId = source.HsdsId;
                target.Kind = source.Kind;
                target.Name = source.Name;
                target.Municipality = source.Municipality;
                target.LegalStatus = source.LegalStatus;
                target.ProviderType = source.ProviderType;
                target.Address = source.Address;
                target.City = source.City;
                target.PostalCode = source.PostalCode;
                target.Phones = source.Phones;
                target.Phone = source.Phone;
                target.Emails = source.Emails;
                target.Email = source.Email;
                target.Websites = source.Websites;
                target.ServiceIds = source.ServiceIds;
                target.Source = source.Source;
                break;
            case (ServiceDocument source, ServiceDocument target):
                target.HsdsId = source.HsdsId;
                target.ProviderId = source.ProviderId;
                target.ProviderName = source.ProviderName;
                target.ProviderPhone = source.ProviderPhone;
                target.ServiceType = source.ServiceType;
                target.ClientGroups = source.ClientGroups;
                target.AgeGroups = source.AgeGroups;
                target.MinAge = source.MinAge;
                target.MaxAge = source.MaxAge;
                target.Gender = source.Gender;
                target.Municipality = source.Municipality;
                target.PlanningRegion = source.PlanningRegion;
                target.ServiceKind = source.ServiceKind;
                target.Active = true;
                break;
        }
    }

    private static string Describe(OrganisationDocument o) => JsonSerializer.Serialize(new
    {
        o.HsdsId, o.Kind, o.Name, o.Municipality, o.LegalStatus, o.ProviderType, o.Address, o.City, o.PostalCode, o.Phones, o.Phone,
        o.Emails, o.Email, o.Websites, o.ServiceIds, o.Source,
    });

    private static string Describe(ServiceDocument s) => JsonSerializer.Serialize(new
    {
        s.HsdsId, s.ProviderId, s.ProviderName, s.ProviderPhone, s.ServiceType, s.ClientGroups, s.AgeGroups, s.MinAge, s.MaxAge, s.Gender,
        s.Municipality, s.PlanningRegion, s.ServiceKind, s.Active,
    });

    private static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(file, JsonBody.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{path} is empty.");
    }

    [GeneratedRegex(@"^LV\s*[-–]?\s*\d*$")]
    private static partial Regex PostalCode();
}
