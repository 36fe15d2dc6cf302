using System.Text.Json;
using Referrals.Portal.Pages.Offers;
using Referrals.Reference;

namespace Referrals.Portal.Tests;

/// <summary>The portal finds each municipality's social service under the id the directory's importer gave it.</summary>
public sealed class SocialServiceOfficesTests
{
    [Fact]
    public void Every_imported_social_service_is_found_from_its_municipality()
    {
        var seed = Path.Combine(RepositoryRoot(), "services", "ProviderDirectory", "Referrals.ProviderDirectory", "Seed", "social-services-004.json");
        using var file = JsonDocument.Parse(File.ReadAllText(seed));
        var offices = file.RootElement.GetProperty("offices").EnumerateArray().ToList();

        // The importer keys an office by the municipality label of its row; where the source mislabels a row (see the
        // office's note) the label is not the municipality's name and the portal shows the plain text instead.
        var labelled = offices.Where(o => Municipalities.Find(o.GetProperty("municipalityCode").GetString()!)?.NameLv == o.GetProperty("municipalityLabel").GetString()).ToList();

        Assert.True(labelled.Count >= offices.Count - 2, $"Only {labelled.Count} of {offices.Count} offices carry their municipality's name.");
        Assert.All(labelled, office => Assert.Equal(
            "sd-" + office.GetProperty("key").GetString(),
            SocialServiceOffices.IdOf(office.GetProperty("municipalityCode").GetString()!)));
        Assert.Null(SocialServiceOffices.IdOf("LV-XXX"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "services", "ProviderDirectory")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with services/ProviderDirectory) is not above " + AppContext.BaseDirectory);
    }
}
