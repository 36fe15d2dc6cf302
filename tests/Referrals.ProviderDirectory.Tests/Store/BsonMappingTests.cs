using System.Reflection;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Store;

/// <summary>
/// The MongoDB adapter's documents must survive the BSON class map. Checked without a server (the Mongo contract
/// tests skip here), using the same process-wide conventions the shared collection registers.
/// </summary>
public sealed class BsonMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public BsonMappingTests() =>
        typeof(MongoDocumentCollection<>).Assembly
            .GetType("Referrals.Messaging.Documents.MongoMapping", throwOnError: true)!
            .GetMethod("EnsureRegistered", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, null);

    private static T RoundTrip<T>(T document)
    {
        var bson = document.ToBsonDocument();
        return BsonSerializer.Deserialize<T>(bson);
    }

    [Fact]
    public void A_service_document_round_trips_with_offers_and_placements()
    {
        var offer = new PendingOffer(Guid.NewGuid(), Guid.NewGuid(), 3, Now);
        var service = new ServiceDocument
        {
            Id = "svc-1",
            Version = 4,
            ProviderId = "org-1",
            ProviderName = "Rēzeknes sociālās aprūpes centrs",
            ServiceType = "long-term-care",
            ClientGroups = ["elderly"],
            Gender = null,
            MaxAge = 99,
            Available = 2,
            Maximum = 60,
            PendingOffers = [offer],
            Placements = [new Placement(Guid.NewGuid(), Guid.NewGuid(), Now)],
        };
        service.RaiseCapacityChanged("provider-1", Now);

        var bson = service.ToBsonDocument();
        Assert.Equal("svc-1", bson["_id"].AsString);
        var back = RoundTrip(service);

        Assert.Equal(offer, Assert.Single(back.PendingOffers));
        Assert.Equal(service.Placements, back.Placements);
        Assert.Equal((2, 60, 99, 4L), (back.Available, back.Maximum, back.MaxAge!.Value, back.Version));
        Assert.Single(back.Outbox);
    }

    [Fact]
    public void A_placement_request_round_trips_with_its_candidates_and_dates()
    {
        var request = new PlacementRequestDocument
        {
            Id = "r-1",
            ReferralId = Guid.NewGuid(),
            DateOfBirth = new DateOnly(1948, 3, 14),
            Status = PlacementStatus.Waitlisted,
            WaitlistedAt = Now,
            Candidates = [new RankedCandidate("org-1", "A", "svc-1", 1, true, ["chosen by the social worker", "1 free place"])],
            DeclinedBy = [new Declined("org-2", "svc-2", Guid.NewGuid(), "NoCapacity", Now)],
            CurrentOffer = new CurrentOffer(Guid.NewGuid(), "org-1", "svc-1", 2),
            Place = new HeldPlace(Guid.NewGuid(), "org-1", "svc-1", Now),
        };

        Assert.Equal("Waitlisted", request.ToBsonDocument()["Status"].AsString);
        var back = RoundTrip(request);

        Assert.Equal(request.DateOfBirth, back.DateOfBirth);
        Assert.Equal(Now, back.WaitlistedAt);
        Assert.Equal(["chosen by the social worker", "1 free place"], back.Candidates[0].Why);
        Assert.Equal(request.DeclinedBy, back.DeclinedBy);
        Assert.Equal(request.CurrentOffer, back.CurrentOffer);
        Assert.Equal(request.Place, back.Place);
    }

    [Fact]
    public void An_offer_document_round_trips()
    {
        var offer = new OfferDocument { Id = "o-1", OfferId = Guid.NewGuid(), Status = OfferStatus.Lapsed, OfferedAt = Now, DecidedAt = Now };

        var back = RoundTrip(offer);

        Assert.Equal((offer.OfferId, OfferStatus.Lapsed, Now), (back.OfferId, back.Status, back.DecidedAt!.Value));
    }

    [Fact]
    public void A_register_organisation_round_trips_with_its_phones_and_source()
    {
        var organisation = new OrganisationDocument
        {
            Id = "01-02-daugavpils",
            HsdsId = ProviderDirectory.Hsds.HsdsIds.Organisation("01-02-daugavpils"),
            Kind = OrganisationKinds.SocialService,
            Name = "Daugavpils pensionāru sociālās apkalpošanas teritoriālais centrs",
            Municipality = "LV-DGV",
            PostalCode = "LV-5413",
            Phones = [new ContactPhone("+37165432176", "voice"), new ContactPhone("+37165430627", "fax")],
            Emails = ["daugavpilspansionats@apollo.lv"],
            Source = "register-000 §1 row 2",
        };

        var back = RoundTrip(organisation);

        Assert.Equal(organisation.Phones, back.Phones);
        Assert.Equal((organisation.HsdsId, OrganisationKinds.SocialService, "LV-5413", "register-000 §1 row 2"), (back.HsdsId, back.Kind, back.PostalCode, back.Source));
        Assert.Equal(organisation.Emails, back.Emails);
    }

    [Fact]
    public void A_register_service_round_trips_with_its_age_groups_and_capacity_time()
    {
        var service = new ServiceDocument { Id = "svc-r", AgeGroups = ["children", "adults"], ServiceKind = "residential", CapacityUpdatedAt = Now, HsdsId = "x" };

        var back = RoundTrip(service);

        Assert.Equal(["children", "adults"], back.AgeGroups);
        Assert.Equal(("residential", Now, "x"), (back.ServiceKind, back.CapacityUpdatedAt!.Value, back.HsdsId));
    }
}
