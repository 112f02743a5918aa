using GraphQL.Types;
using GraphQL;
using PartnershipLedger.Access;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Graph;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>The one GraphQL schema of the ledger; capabilities add their fields to the root types.</summary>
public sealed class LedgerSchema : Schema
{
    public LedgerSchema(IServiceProvider services) : base(services)
    {
        Description = "PartnershipLedger: an event-sourced record of partner-to-partner partnerships, scored against the IAMCP P2P Maturity Model.";
        Query = new LedgerQuery();
        Mutation = new LedgerMutation();
        this.RegisterTypeMapping<DateTimeOffset, InstantGraphType>();
        this.RegisterTypeMapping<DateOnly, CalendarDateGraphType>();
        // Introspection is bounded by GraphQL:MaxDepth and GraphQL:Introspection, not by complexity: the standard
        // introspection query alone estimates at about 1.8 million.
        this.WithIntrospectionComplexityImpact(0);
    }
}

public sealed class LedgerQuery : ObjectGraphType
{
    public LedgerQuery()
    {
        Name = "Query";
        Description = "Everything that can be read.";
        AccessFields.AddQueries(this);
        ModelQueries.AddTo(this);
        OrganizationFields.AddQueries(this);
        PartnershipFields.AddQueries(this);
        PartnershipList.AddQueries(this);
        CircleFields.AddQueries(this);
        PortfolioTrendFields.AddQueries(this);
        PartnershipLedger.Audit.AuditFields.AddQueries(this);
    }
}

public sealed class LedgerMutation : ObjectGraphType
{
    public LedgerMutation()
    {
        Name = "Mutation";
        Description = "Everything that can be recorded. Every mutation records new events; nothing is ever updated or deleted.";
        AccessFields.AddMutations(this);
        OrganizationFields.AddMutations(this);
        CircleFields.AddMutations(this);
        PartnershipFields.AddMutations(this);
        PartnershipLedger.Functions.JointBusinessPlanning.Mutations.AddTo(this);
        PartnershipLedger.Functions.LeadsAndPipeline.Mutations.AddTo(this);
        PartnershipLedger.Functions.Agreement.Mutations.AddTo(this);
        PartnershipLedger.Functions.SalesCompensation.Mutations.AddTo(this);
        PartnershipLedger.Functions.MarketMessaging.Mutations.AddTo(this);
        PartnershipLedger.Functions.Geography.Mutations.AddTo(this);
        PartnershipLedger.Functions.ResourceUtilization.Mutations.AddTo(this);
        PartnershipLedger.Functions.ReadinessAndCertification.Mutations.AddTo(this);
        PartnershipLedger.Functions.ProductAndCustomerSupport.Mutations.AddTo(this);
        PartnershipLedger.Functions.CustomerRelationships.Mutations.AddTo(this);
        PartnershipLedger.Assessments.Mutations.AddTo(this);
    }
}
