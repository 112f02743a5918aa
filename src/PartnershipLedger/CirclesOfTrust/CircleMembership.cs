using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.CirclesOfTrust;

/// <summary>A command on an existing circle: only its members change it.</summary>
public abstract record CircleCommand : StreamCommand
{
    public Guid CircleId { get; init; }

    protected static void RequireCircleMember(CircleOfTrust circle, Decision decision) =>
        decision.Require(decision.Actor.ActsFor(circle.MemberIds), "circleId",
            "Only a member of the circle of trust can change it: your token's organization is not a member.");
}

public abstract class CircleCommandInputGraphType<TCommand> : StreamCommandInputGraphType<TCommand> where TCommand : CircleCommand
{
    protected CircleCommandInputGraphType(string name, string description) : base(name, description) =>
        Field(x => x.CircleId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The circle of trust.");
}
