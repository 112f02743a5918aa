namespace PartnershipLedger.Recording;

/// <summary>One thing wrong with a request, naming the input field it is about.</summary>
public sealed record ValidationProblem(string Field, string Message);

/// <summary>
/// A request was refused before anything was stored. Carries every problem found, not just the first,
/// so a caller can fix them all at once; the API turns each into an error with code VALIDATION.
/// </summary>
public sealed class ValidationFailedException(IReadOnlyList<ValidationProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public ValidationFailedException(params ValidationProblem[] problems) : this((IReadOnlyList<ValidationProblem>)problems) { }

    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
