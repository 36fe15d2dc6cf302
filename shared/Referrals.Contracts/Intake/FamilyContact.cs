namespace Referrals.Contracts.Intake;

/// <summary>How the family wants to hear about the referral. Present only when the family consented to SMS.</summary>
/// <param name="Phone">Mobile number in E.164.</param>
/// <param name="Language">lv, ru or en.</param>
public sealed record FamilyContact(string Phone, string Language);
