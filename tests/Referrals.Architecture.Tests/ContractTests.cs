using System.Reflection;
using Referrals.Contracts.Intake;
using Xunit;

namespace Referrals.Architecture.Tests;

/// <summary>Contracts are immutable records; events are named in the past tense and identify themselves.</summary>
public sealed class ContractTests
{
    private static readonly Type[] ContractTypes = typeof(ReferralSubmitted).Assembly.GetExportedTypes();

    private static IEnumerable<Type> Events => ContractTypes.Where(t => t.GetProperty("EventId") is not null);

    [Fact]
    public void Every_contract_is_an_enum_or_an_immutable_record()
    {
        foreach (var type in ContractTypes.Where(t => !t.IsEnum))
        {
            Assert.True(type.GetMethod("<Clone>$") is not null, $"{type.Name} is not a record");
            var setters = type.GetProperties()
                .Where(p => p.SetMethod is { IsPublic: true } setter
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
            Assert.Empty(setters);
        }
    }

    [Fact]
    public void Events_are_named_in_the_past_tense_and_carry_id_and_time()
    {
        Assert.NotEmpty(Events);
        foreach (var type in Events)
        {
            Assert.True(type.Name.EndsWith("ed", StringComparison.Ordinal) || type.Name.EndsWith("Withdrawn", StringComparison.Ordinal), type.Name);
            Assert.Equal(typeof(Guid), type.GetProperty("EventId")!.PropertyType);
            Assert.Equal(typeof(DateTimeOffset), type.GetProperty("OccurredAt")!.PropertyType);
        }
    }

    [Fact]
    public void No_contract_carries_names_personal_codes_or_addresses()
    {
        var forbidden = new[] { "PersonalCode", "GivenName", "FamilyName", "Name", "Address" };
        foreach (var type in ContractTypes.Where(t => t.Namespace!.EndsWith("Intake", StringComparison.Ordinal) && t != typeof(ProviderContact)))
        {
            Assert.DoesNotContain(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => forbidden.Contains(p.Name));
        }
    }
}
