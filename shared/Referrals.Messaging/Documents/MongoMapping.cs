using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
using Referrals.Messaging.Outbox;

namespace Referrals.Messaging.Documents;

/// <summary>Process-wide BSON conventions: standard GUIDs, enums as strings, <c>Id</c> as <c>_id</c>, unknown fields tolerated.</summary>
internal static class MongoMapping
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            BsonSerializer.TryRegisterSerializer(new DateTimeOffsetSerializer(BsonType.String));
            ConventionRegistry.Register(
                "referrals",
                new ConventionPack { new EnumRepresentationConvention(BsonType.String), new IgnoreExtraElementsConvention(true) },
                _ => true);
            BsonClassMap.TryRegisterClassMap<OutboxDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            _registered = true;
        }
    }
}
