using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Graph;

namespace PartnershipLedger.Audit;

/// <summary>The audit trail and the tamper check at the Query root.</summary>
public static class AuditFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AuditConnectionGraphType>>("auditTrail")
            .Description("Recorded events across the ledger in recording order, a page at a time, within what the caller may see; every filter given must hold.")
            .Argument<IdGraphType>("partnershipId", "Only the events of this partnership (or organization, or circle of trust) stream.")
            .Argument<IdGraphType>("organizationId", "Only events recorded by a user acting for this organization.")
            .Argument<StringGraphType>("actor", "Only events recorded by this user.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("eventTypes", "Only events of these types, named as in schema/events.md (e.g. LeadShared).")
            .Argument<InstantGraphType>("from", "Only events recorded at or after this instant (system time).")
            .Argument<InstantGraphType>("to", "Only events recorded before this instant (system time).")
            .Argument<IntGraphType>("first", $"Page size (default {Paging.DefaultPageSize}, at most {Paging.MaxPageSize}).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async context => await AuditTrail.PageAsync(
                context.RequestServices!.GetRequiredService<IQuerySession>(),
                context.RequestServices!.GetRequiredService<PreparedReads>(),
                Caller.Of(context).Actor,
                new AuditFilter(
                    StreamId: IdArguments.Optional(context, "partnershipId"),
                    OrganizationId: IdArguments.Optional(context, "organizationId"),
                    Actor: context.GetArgument<string?>("actor"),
                    EventTypes: context.GetArgument<List<string>?>("eventTypes"),
                    From: context.GetArgument<DateTimeOffset?>("from"),
                    To: context.GetArgument<DateTimeOffset?>("to")),
                Paging.PageSize(context.GetArgument<int?>("first")),
                Paging.Position(context.GetArgument<string?>("after")) ?? 0,
                context.CancellationToken));

        query.Field<NonNullGraphType<LedgerCheckGraphType>>("verifyLedger")
            .Description("Recomputes the hash chain of stored events and names the first broken link: of one partnership, or of every stream the caller may see.")
            .Argument<IdGraphType>("partnershipId", "The partnership to check; without it, every stream the caller may see.")
            .ResolveAsync(async context => await LedgerVerification.VerifyAsync(
                context.RequestServices!.GetRequiredService<IQuerySession>(),
                Caller.Of(context).Actor,
                IdArguments.Optional(context, "partnershipId"),
                context.CancellationToken));
    }
}
