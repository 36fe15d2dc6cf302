namespace Referrals.Notification.Templates;

/// <summary>Which text a status change gets; Placed and Waitlisted have variants for the facts that may be missing.</summary>
public enum SmsTemplate
{
    Submitted,
    NeedsInformation,
    Rejected,
    Waitlisted,
    WaitlistedWithoutPosition,
    Placed,
    PlacedWithoutPhone,
    PlacedWithoutProvider,
    Withdrawn,
    Closed,
}
