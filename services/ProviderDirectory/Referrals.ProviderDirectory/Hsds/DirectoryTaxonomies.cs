using System.Text.Json;
using Microsoft.Extensions.Options;
using Referrals.ProviderDirectory.Http;
using Referrals.Reference;

using Referrals.ServiceDefaults.Http;

namespace Referrals.ProviderDirectory.Hsds;

public sealed record TaxonomySource(string Id, string NameEn, IReadOnlyList<TermSource> Terms);

public sealed record TermSource(string Code, string NameLv, string NameEn);

/// <summary>A term as the directory knows it: which taxonomy, which code, and its HSDS UUIDs.</summary>
public sealed record KnownTerm(string Taxonomy, string TaxonomyId, string Id, string Code, string NameLv, string NameEn);

/// <summary>
/// The vocabularies published as HSDS taxonomies: the importer's <c>Seed/taxonomies.json</c> (service kinds, provider
/// types, legal statuses, service types, age groups, client groups), or, without it, the shared Reference lists.
/// </summary>
public sealed class DirectoryTaxonomies
{
    public const string ServiceType = "service-type";
    public const string ClientGroup = "client-group";
    public const string AgeGroup = "age-group";
    public const string ServiceKind = "service-kind";
    public const string ProviderType = "provider-type";
    public const string LegalStatus = "legal-status";

    private readonly Dictionary<string, KnownTerm> _byId;
    private readonly Dictionary<(string, string), KnownTerm> _byCode;

    public DirectoryTaxonomies(IOptions<ProviderDirectoryOptions> options)
        : this(Load(Path.Combine(AppContext.BaseDirectory, options.Value.TaxonomiesFile)))
    {
    }

    public DirectoryTaxonomies(IReadOnlyList<TaxonomySource> taxonomies)
    {
        Taxonomies = taxonomies;
        Terms = [.. taxonomies.SelectMany(t => t.Terms.Select(term =>
            new KnownTerm(t.Id, TaxonomyIdOf(t.Id), TermIdOf(t.Id, term.Code), term.Code, term.NameLv, term.NameEn)))];
        _byId = Terms.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        _byCode = Terms.GroupBy(t => (t.Taxonomy, t.Code)).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<TaxonomySource> Taxonomies { get; }

    public IReadOnlyList<KnownTerm> Terms { get; }

    public static string TaxonomyIdOf(string taxonomy) => HsdsIds.Of("taxonomy", taxonomy);

    public static string TermIdOf(string taxonomy, string code) => HsdsIds.Of("taxonomy_term", $"{taxonomy}:{code}");

    public KnownTerm? ById(string? id) => id is not null && _byId.TryGetValue(id, out var term) ? term : null;

    public KnownTerm? Find(string taxonomy, string? code) => code is not null && _byCode.TryGetValue((taxonomy, code), out var term) ? term : null;

    private static IReadOnlyList<TaxonomySource> Load(string path)
    {
        if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            var read = JsonSerializer.Deserialize<TaxonomiesFile>(file, JsonBody.Options);
            if (read?.Taxonomies is { Count: > 0 } found)
            {
                return found;
            }
        }

        return
        [
            new(ServiceType, "Social service type", [.. ServiceTypes.All.Select(t => new TermSource(t.Code, t.NameLv, t.NameEn))]),
            new(ClientGroup, "Client group", [.. ClientGroups.All.Select(t => new TermSource(t.Code, t.NameLv, t.NameEn))]),
        ];
    }

    private sealed record TaxonomiesFile(IReadOnlyList<TaxonomySource>? Taxonomies);
}
