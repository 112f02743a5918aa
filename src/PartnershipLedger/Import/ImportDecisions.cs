using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using JasperFx.Events;
using PartnershipLedger.Assessments;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Functions.CustomerRelationships;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>
/// Decides each import record with the command's own decision, on the decision state the file's earlier records
/// built (kept in memory, folded as Marten folds the inline snapshots), exactly as the API would decide it: the
/// record's <c>by</c> organization is the acting organization, its <c>occurredAt</c> the business time.
/// </summary>
public sealed class ImportDecisions(MaturityModel model, ImportReferences references, Actor importer, DateTimeOffset now)
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> DecideMethods = new();

    private readonly HashSet<Guid> registered = [];
    private readonly JsonSerializerOptions json = ImportJson.Options(new ImportReferences.Converter(references));

    /// <summary>The event a record decides, with its id, stream and version; throws <see cref="ImportRejectedException"/> when refused.</summary>
    public IEvent Decide(int line, ImportRecord record, Guid streamId, long version)
    {
        references.CurrentLine = line;
        var entry = ImportCatalogue.ForEvent(record.Type ?? "") ?? throw new ImportRejectedException(line, [ImportScan.UnknownType(record.Type)]);
        if (record.OccurredAt is null) throw new ImportRejectedException(line, ["\"occurredAt\" is required: an import records history."]);
        Guid? by = null;
        if (record.By is not null)
            by = references.Find(record.By) is { Stream: ImportStream.Organization } organization ? organization.Id
                : throw new ImportRejectedException(line, [$"\"by\" must name an organization defined on an earlier line; '{record.By}' does not."]);

        // The record's "by" acts, with a member's rights, as it would through the API; without one the importer acts.
        var actor = by is { } member ? Actor.MemberOf(importer.User, member) : importer;
        var command = ReadCommand(line, record, entry) with { OccurredAt = record.OccurredAt, Actor = actor };
        var decision = Decision.For(command, now);
        List<object> events;
        try
        {
            events = Decide(command, streamId, decision).ToList();
            decision.ThrowIfRefused();
        }
        catch (ValidationFailedException refused)
        {
            throw new ImportRejectedException(line, refused.Problems.Select(problem => $"{problem.Field}: {problem.Message}").ToList());
        }
        if (events.Count != 1)
            throw new ImportRejectedException(line, [$"a {entry.Command.Name} decided {events.Count} events; an import record must decide exactly one."]);

        var eventId = !entry.StartsStream && record.Ref is not null ? references.DefinedOn(line, record.Ref)!.Id : Uuid7.Next();
        var e = StreamFold.Wrap(events[0], eventId, streamId, version, now);
        Fold(e);
        return e;
    }

    private Command ReadCommand(int line, ImportRecord record, ImportCatalogue.Entry entry)
    {
        try
        {
            var data = record.Data.IsEmpty ? "{}"u8 : record.Data.Span;
            return (Command?)JsonSerializer.Deserialize(data, entry.Command, json) ?? throw new JsonException("\"data\" is null.");
        }
        catch (JsonException problem)
        {
            var field = problem.Path is { Length: > 2 } path ? $"data{path[1..]}: " : "";
            throw new ImportRejectedException(line, [$"{field}{problem.Message}"]);
        }
    }

    private IEnumerable<object> Decide(Command command, Guid streamId, Decision decision)
    {
        switch (command)
        {
            case RegisterOrganization register: return register.Decide(streamId, decision);
            case FormCircleOfTrust form: return form.Decide(streamId, registered, decision);
            case FormPartnership form: return form.Decide(streamId, registered, decision);
            case OrganizationCommand onOrganization:
                return Invoke(onOrganization with { OrganizationId = streamId }, States.Organizations[streamId], decision);
            case AddCircleMember add:
                return add.Decide(States.Circles[streamId], registered.Contains(add.OrganizationId), decision);
            case CircleCommand onCircle:
                return Invoke(onCircle with { CircleId = streamId }, States.Circles[streamId], decision);
            case PartnershipCommand onPartnership:
            {
                var partnership = States.Partnerships[streamId];
                var fact = onPartnership with { PartnershipId = streamId };
                decision.RequirePartnershipFact(partnership, fact);
                return fact switch
                {
                    AddPartnershipMember add => add.Decide(partnership, registered.Contains(add.OrganizationId), decision),
                    RecordSelfAssessment assessment => assessment.Decide(partnership, model, decision),
                    LogCsatSurvey survey => survey.Decide(partnership, model.CsatSurvey, decision),
                    _ => Invoke(fact, partnership, decision),
                };
            }
            default: throw new InvalidOperationException($"No import decision for {command.GetType().Name}.");
        }
    }

    /// <summary>The command's Decide(state, decision): the same method its Wolverine handler calls.</summary>
    private static IEnumerable<object> Invoke(Command command, object state, Decision decision)
    {
        var decide = DecideMethods.GetOrAdd(command.GetType(), type => type.GetMethod("Decide", [state.GetType(), typeof(Decision)])
            ?? throw new InvalidOperationException($"{type.Name} has no Decide({state.GetType().Name}, Decision)."));
        return (IEnumerable<object>)decide.Invoke(command, [state, decision])!;
    }

    /// <summary>The decision states as the imported events left them.</summary>
    public DecisionStates States { get; } = new();

    private void Fold(IEvent e)
    {
        States.Fold(e);
        if (e.Data is OrganizationRegistered) registered.Add(e.StreamId);
    }
}
