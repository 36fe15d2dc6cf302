using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Documents;
using static Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Store;

/// <summary>The BSON half of the document's contract, checked without a server (the Mongo store tests skip here).</summary>
public sealed class ReferralBsonTests
{
    static ReferralBsonTests() =>
        // The shared conventions are internal to Messaging and registered when a Mongo collection is created.
        typeof(MongoClients).Assembly.GetType("Referrals.Messaging.Documents.MongoMapping")!
            .GetMethod("EnsureRegistered")!.Invoke(null, null);

    [Fact]
    public void Referral_round_trips_through_BSON_with_enums_as_strings_and_no_null_idempotency_key()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.NotEligible), Now);

        var bson = referral.ToBsonDocument();
        var back = BsonSerializer.Deserialize<Referral>(bson);

        Assert.Equal(referral.Id, bson["_id"].AsString);
        Assert.Equal("Rejected", bson["Status"].AsString);
        Assert.False(bson.Contains("IdempotencyKey"));
        Assert.False(bson.Contains("RequestHash"));
        Assert.Equal(ReferralStatus.Rejected, back.Status);
        Assert.Equal(new DateOnly(1975, 11, 16), back.Client.DateOfBirth);
        Assert.Equal(referral.Client.ClientId, back.Client.ClientId);
        Assert.Equal(RuleVerdict.Failed, back.Eligibility!.Results[1].Verdict);
        Assert.Equal(referral.Timeline.Count, back.Timeline.Count);
        Assert.Equal(referral.SubmittedAt, back.SubmittedAt);
        Assert.Null(back.Outcome);
        Assert.Equal(referral.Outbox.Count, back.Outbox.Count);
        Assert.Equal(referral.Client.ProtectedPersonalCode, back.Client.ProtectedPersonalCode);
        Assert.Equal(referral.Client.PersonalCodeHash, back.Client.PersonalCodeHash);
        Assert.Equal(referral.Family.ProtectedPhone, back.Family.ProtectedPhone);
        Assert.Equal(["referral-processing", "sms-updates"], back.Consent!.Purposes);
        Assert.Equal(referral.Consent!.GivenOn, back.Consent.GivenOn);
        Assert.DoesNotContain("161175", bson["Client"].ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("37120000001", bson["Family"].ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymised_referral_round_trips_through_BSON_with_its_marker()
    {
        var referral = NewReferral();
        Assert.True(ReferralStateMachine.Withdraw(referral, "moved", "sw-1", Now));
        Assert.True(ReferralStateMachine.Anonymise(referral, Now.AddYears(6)));

        var back = BsonSerializer.Deserialize<Referral>(referral.ToBsonDocument());

        Assert.Equal(Now.AddYears(6), back.AnonymisedAt);
        Assert.Null(back.Client.GivenName);
        Assert.Null(back.Client.PersonalCodeHash);
        Assert.Equal(new DateOnly(1975, 1, 1), back.Client.DateOfBirth);
    }
}
