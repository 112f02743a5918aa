using PartnershipLedger.Recording;

namespace PartnershipLedger.Model;

/// <summary>
/// A function's yes/no self-assessment with its scoring bands exactly as the playbook publishes them.
/// The bands overlap or leave gaps (1-3 / 3-5 / 6+, 4-5 / 5+, 3-5 / 8+), so scoring follows one rule:
/// a level is reached when the yes-count reaches that level's lowest number; a count in a gap stays at the
/// level below. Every yes counts, negative-signal questions included, as the playbook does.
/// </summary>
public sealed record Questionnaire(string Title, IReadOnlyList<Question> Questions, IReadOnlyList<ScoringBand> Bands)
{
    public MaturityLevel LevelForYesCount(int yesCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yesCount);
        return Bands.Where(band => yesCount >= band.Min).Max(band => band.Level);
    }

    /// <summary>Scores one answer per question, in the questionnaire's order.</summary>
    public MaturityLevel Score(IReadOnlyList<bool> answers)
    {
        if (AnswerCountProblem(answers) is { } problem) throw new ValidationFailedException(problem);
        return LevelForYesCount(answers.Count(yes => yes));
    }

    /// <summary>What is wrong with answers that are not one per question; null when they are.</summary>
    public ValidationProblem? AnswerCountProblem(IReadOnlyList<bool> answers) =>
        answers.Count == Questions.Count
            ? null
            : new ValidationProblem("answers", $"The '{Title}' questionnaire has {Questions.Count} questions, but {answers.Count} answers were given: answer every question, in order.");
}

/// <param name="Number">1-based position in the questionnaire.</param>
/// <param name="NegativeSignal">A yes describes immature behaviour ("Do you receive partner leads at random?"); it still counts.</param>
public sealed record Question(int Number, string Text, bool NegativeSignal);

/// <param name="Max">The band's published upper number; null for "N+".</param>
/// <param name="Published">The band as the playbook prints it, e.g. "3-5 Yes".</param>
public sealed record ScoringBand(MaturityLevel Level, int Min, int? Max, string Published);
