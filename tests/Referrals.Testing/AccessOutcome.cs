namespace Referrals.Testing;

/// <summary>What one cell of an authorization matrix expects.</summary>
public enum AccessOutcome
{
    /// <summary>2xx; a list shows the caller's own tenant.</summary>
    Allowed,
    Unauthorized,
    Forbidden,
    NotFound,

    /// <summary>200, but the list holds nothing of the tenant the caller is not of.</summary>
    Narrowed,
}
