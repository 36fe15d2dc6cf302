namespace Referrals.Messaging.Documents;

/// <summary>
/// A service's store is chosen by its connection string alone (one name per resource): a <c>mongodb://</c> or
/// <c>mongodb+srv://</c> URL selects MongoDB, anything else is a SQLite connection string.
/// </summary>
public static class StoreConnection
{
    public static bool IsMongo(string connectionString) =>
        connectionString.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase);
}
