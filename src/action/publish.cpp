#include "spyglass/action/publish.hpp"

#include "spyglass/action/pull_request.hpp"
#include "spyglass/github/api_error.hpp"

namespace spyglass::action {

PublishOutcome publish_comment(github::Client& client, const PublishOptions& options,
                               const std::string& marker, const std::string& body,
                               const std::function<std::string()>& shrink, const util::Env& env,
                               std::ostream& err) {
  PublishOutcome outcome;
  outcome.pr_number = resolve_pull_request(client, options.repo, options.pr_number, env);
  if (!outcome.pr_number) {
    err << "spyglass: warning: no open pull request found for this run; the comment was not "
           "posted (the report is in the job summary)\n";
    return outcome;
  }
  github::UpsertRequest request;
  request.repo = options.repo;
  request.pr_number = *outcome.pr_number;
  request.marker = marker;
  request.body = body;
  request.mode = options.mode;
  request.shrink = shrink;
  try {
    request.author = options.comment_author
                         ? *options.comment_author
                         : client.authenticated_login().value_or(k_actions_bot);
    outcome.comment = github::upsert_comment(client, request);
  } catch (const github::ApiError& error) {
    if (!error.is_read_only_token()) {
      throw;
    }
    err << "spyglass: warning: the token may not write to " << options.repo << " (pull requests "
        << "from forks get a read-only token); the comment was not posted, the report is in "
           "the job summary\n";
  }
  return outcome;
}

}  // namespace spyglass::action
