using Referrals.Intake.Referrals;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Access;

/// <summary>How much of a referral a caller may see.</summary>
public enum Disclosure
{
    /// <summary>Everything, personal data decrypted: the referring municipality's social workers; the provider that accepted.</summary>
    Full,

    /// <summary>No names, personal code, address or phone: the region's coordinators.</summary>
    WithoutPersonalData,

    /// <summary>What a provider needs to decide on an offer: no names, personal code, address, phone, nor the history.</summary>
    Minimum,
}

/// <summary>The tenant rules of the referral endpoints (roles are checked by the endpoints' policies before these).</summary>
public static class ReferralAccess
{
    /// <summary>The social worker's own municipality (canonical code), or null for anyone else.</summary>
    public static string? OwnMunicipality(Actor actor) =>
        actor.IsSocialWorker ? Municipalities.Find(actor.Municipality)?.Code : null;

    /// <summary>What <paramref name="actor"/> may see of <paramref name="referral"/>; null: for them it does not exist (404).</summary>
    public static Disclosure? ViewFor(Actor actor, Referral referral)
    {
        if (actor.CanChangeReferralOf(referral.Municipality))
        {
            return Disclosure.Full;
        }

        if (actor.CanReadReferralOf(referral.Municipality, Municipalities.RegionOf))
        {
            return Disclosure.WithoutPersonalData;
        }

        if (actor.IsProviderStaff && actor.ProviderId is { } provider)
        {
            if (referral.Placement?.ProviderId == provider)
            {
                return Disclosure.Full;
            }

            if (referral.CurrentOffer?.ProviderId == provider)
            {
                return Disclosure.Minimum;
            }
        }

        return null;
    }
}
