using Referrals.Messaging.Documents;

namespace Referrals.Notification.Store;

/// <summary><c>ConnectionStrings:NotificationStore</c>: a SQLite connection string, or a MongoDB URL naming the database.</summary>
public sealed class NotificationStoreOptions
{
    public const string ConnectionStringName = "NotificationStore";

    public string ConnectionString { get; set; } = "";

    public bool IsValid()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return false;
        }

        if (!StoreConnection.IsMongo(ConnectionString))
        {
            return true;
        }

        try
        {
            return !string.IsNullOrEmpty(MongoDB.Driver.MongoUrl.Create(ConnectionString).DatabaseName);
        }
        catch (MongoDB.Driver.MongoConfigurationException)
        {
            return false;
        }
    }
}
