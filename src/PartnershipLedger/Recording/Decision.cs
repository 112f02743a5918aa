namespace PartnershipLedger.Recording;

/// <summary>
/// Everything a pure decision needs besides the command and the current state: the instant it is decided
/// (<see cref="Now"/>), the business time of the fact, who acts, and a list of the problems found so far.
/// Every check adds to the list rather than throwing, so a caller learns every problem at once.
/// </summary>
public sealed class Decision(DateTimeOffset now, DateTimeOffset occurredAt, Actor actor)
{
    /// <summary>How far in the future a business time may lie (clocks differ a little).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly List<ValidationProblem> problems = [];

    public DateTimeOffset Now { get; } = now;
    public DateTimeOffset OccurredAt { get; } = occurredAt;
    public Actor Actor { get; } = actor;
    public IReadOnlyList<ValidationProblem> Problems => problems;

    public static Decision For(Command command, DateTimeOffset now)
    {
        var decision = new Decision(now, command.OccurredAt ?? now, command.Actor);
        decision.Require(decision.OccurredAt <= now + ClockSkew, "occurredAt",
            $"occurredAt {decision.OccurredAt:O} is in the future: facts are recorded when (or after) they happen.");
        decision.Text("commandId", command.CommandId, Limits.Name);
        return decision;
    }

    public Decision Require(bool condition, string field, string message)
    {
        if (!condition) problems.Add(new ValidationProblem(field, message));
        return this;
    }

    /// <summary>Checks an optional text: not longer than <paramref name="max"/> characters. Returns it trimmed.</summary>
    public string? Text(string field, string? value, int max = Limits.Text)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        Require(trimmed is null || trimmed.Length <= max, field, $"{field} is {trimmed?.Length} characters long; at most {max} are allowed.");
        return trimmed;
    }

    /// <summary>Checks a required text: present, not blank, not longer than <paramref name="max"/> characters.</summary>
    public string RequiredText(string field, string? value, int max = Limits.Text)
    {
        Require(!string.IsNullOrWhiteSpace(value), field, $"{field} is required.");
        return Text(field, value, max) ?? "";
    }

    /// <summary>Checks a list of texts: at most <see cref="Limits.ListItems"/> entries, each a valid text.</summary>
    public IReadOnlyList<string> Texts(string field, IEnumerable<string>? values, int max = Limits.Name)
    {
        var list = (values ?? []).ToList();
        Require(list.Count <= Limits.ListItems, field, $"{field} has {list.Count} entries; at most {Limits.ListItems} are allowed.");
        return list.Select((value, i) => RequiredText($"{field}[{i}]", value, max)).ToList();
    }

    /// <summary>The fact cannot have happened before <paramref name="earliest"/> (e.g. before the partnership was formed).</summary>
    public Decision NotBefore(DateTimeOffset earliest, string what) =>
        Require(OccurredAt >= earliest, "occurredAt", $"occurredAt {OccurredAt:O} is before {what} ({earliest:O}).");

    public void ThrowIfRefused()
    {
        if (problems.Count > 0) throw new ValidationFailedException(problems.ToList());
    }
}

public static class Limits
{
    public const int Name = 200;
    public const int Text = 2000;
    public const int ListItems = 50;
}
