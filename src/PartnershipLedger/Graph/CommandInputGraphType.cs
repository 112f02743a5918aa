using GraphQL.Types;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Graph;

/// <summary>The input of a mutation: the command's own fields, then <see cref="AddCommonFields"/>.</summary>
public abstract class CommandInputGraphType<TCommand> : InputObjectGraphType<TCommand> where TCommand : Command
{
    protected CommandInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The inputs every command takes; call last in the constructor.</summary>
    protected virtual void AddCommonFields()
    {
        Field(x => x.OccurredAt, type: typeof(InstantGraphType))
            .Description("When it happened (business time); defaults to now; may be in the past to back-fill history, never in the future.");
        Field(x => x.CommandId, type: typeof(IdGraphType))
            .Description("Idempotency key: sending the same command again with this id records it once and returns the same answer.");
    }
}

/// <summary>The input of a mutation on an existing stream: adds the optimistic-concurrency check.</summary>
public abstract class StreamCommandInputGraphType<TCommand>(string name, string description)
    : CommandInputGraphType<TCommand>(name, description) where TCommand : StreamCommand
{
    protected override void AddCommonFields()
    {
        Field(x => x.ExpectedVersion, type: typeof(IntGraphType))
            .Description("The stream version you last read; if someone recorded since, the command is refused with CONFLICT and nothing is stored.");
        base.AddCommonFields();
    }
}
