using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace FeedHub.Scheduling;

/// <summary>
/// Operators write cron the Unix way (<c>*/15 * * * *</c>) or Quartz's way (with seconds); both are read
/// and kept in Quartz form.
/// </summary>
internal static class CronSchedule
{
    public static bool TryNormalize(string expression, [NotNullWhen(true)] out string? quartz, out string? error)
    {
        quartz = null;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            var parsed = CronExpression.Parse(expression.Trim(), fields == 5 ? CronFormat.Unix : CronFormat.Quartz);
            quartz = parsed.CronExpressionString;
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
