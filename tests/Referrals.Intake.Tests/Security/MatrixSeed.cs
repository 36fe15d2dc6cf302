using Microsoft.Extensions.DependencyInjection;
using Referrals.Intake.Protection;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Fixtures = Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Security;

/// <summary>
/// Fresh referrals for one matrix cell: a Daugavpils referral offered to org-dgv-seniori, one placed with it, and a
/// Rīga referral. Stored with their events already published (so no background relay touches them), encrypted with
/// the host's own keys.
/// </summary>
internal sealed record MatrixSeed(Guid Offered, Guid Placed, Guid Foreign, Guid ClientId, string PersonalCode)
{
    public const string Provider = "org-dgv-seniori";

    public static async Task<MatrixSeed> CreateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IReferralStore>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var code = $"32{Random.Shared.Next(0, 10_000):D4}-{Random.Shared.Next(0, 100_000):D5}";
        var offered = Build("LV-DGV", code, protector);
        ReferralStateMachine.Apply(offered, Fixtures.Offered(offered, 1, Provider), Fixtures.Now);
        var placed = Build("LV-DGV", code, protector);
        placed.Client.ClientId = offered.Client.ClientId;
        var offer = Fixtures.Offered(placed, 1, Provider);
        ReferralStateMachine.Apply(placed, offer, Fixtures.Now);
        ReferralStateMachine.Apply(placed, Fixtures.Accepted(placed, 1, offer.OfferId, Provider), Fixtures.Now);
        var foreign = Build("LV-RIX", code, protector);
        foreach (var referral in new[] { offered, placed, foreign })
        {
            referral.Outbox.Clear();
            if (!await store.TryInsertAsync(referral, cancellationToken))
            {
                throw new InvalidOperationException("Seed referral not stored.");
            }
        }

        return new MatrixSeed(offered.ReferralGuid(), placed.ReferralGuid(), foreign.ReferralGuid(), offered.Client.ClientId, code);
    }

    private static Referral Build(string municipality, string code, PersonalDataProtector protector)
    {
        var referral = Fixtures.NewReferral(municipality);
        referral.Client.ProtectedPersonalCode = protector.Protect(code, PersonalDataProtector.PersonalCodePurpose);
        referral.Client.PersonalCodeHash = protector.PersonalCodeHash(code);
        referral.Family.ProtectedPhone = protector.Protect(Fixtures.Phone, PersonalDataProtector.PhonePurpose);
        return referral;
    }
}
