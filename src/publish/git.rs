//! Publishing through Git: what changed since the branch's upstream, one
//! commit of exactly the site's own files, and a push. A commit is whole or
//! not made; a push that fails keeps the commit, and the next publication
//! pushes it. A remote that moved ahead is merged first only when that
//! merges without conflict; otherwise nothing changes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::SITE_FILES;
use crate::messages::publish::PublishMsg;

/// One file that differs from the published version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// `A` added, `M` changed, `D` removed.
    pub status: char,
    /// From the site's folder, `/`-separated.
    pub path: String,
}

/// The site's repository, when there is one with a remote.
#[derive(Debug, Clone)]
pub struct Repo {
    root: PathBuf,
}

/// The published version checked out beside the site, removed when dropped.
pub struct PublishedCopy {
    repo: Repo,
    dir: PathBuf,
    /// The site's folder in it.
    pub site: PathBuf,
}

impl Drop for PublishedCopy {
    fn drop(&mut self) {
        let path = self.dir.to_string_lossy().into_owned();
        let _ = self.repo.run(&["worktree", "remove", "--force", &path]);
        let _ = std::fs::remove_dir_all(&self.dir);
        let _ = self.repo.run(&["worktree", "prune"]);
    }
}

/// What a publication did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// Said in order: recorded, merged, pushed.
    pub steps: Vec<PublishMsg>,
}

impl Repo {
    /// The repository the site at `root` is in, or why there is none to
    /// publish through.
    pub fn open(root: &Path) -> Result<Repo, PublishMsg> {
        let repo = Repo {
            root: root.to_path_buf(),
        };
        match repo.git(&["rev-parse", "--is-inside-work-tree"]) {
            Err(_) => return Err(PublishMsg::NoGit),
            Ok(out) if !out.status.success() => return Err(PublishMsg::NotARepository),
            Ok(_) => {}
        }
        let remotes = repo.git(&["remote"]).map_err(|_| PublishMsg::NoGit)?;
        if String::from_utf8_lossy(&remotes.stdout).trim().is_empty() {
            return Err(PublishMsg::NoRemote);
        }
        Ok(repo)
    }

    fn git(&self, args: &[&str]) -> std::io::Result<Output> {
        let mut command = Command::new("git");
        command.arg("-C").arg(&self.root);
        if args.first() == Some(&"commit") && !self.knows_who() {
            // An office PC where nobody set a name for Git: the commit is
            // the desk's.
            command.args([
                "-c",
                "user.name=renkei",
                "-c",
                "user.email=renkei@localhost",
            ]);
        }
        command
            .args(args)
            // Never a prompt on a terminal no one watches: a credential
            // helper with a window of its own still asks.
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .output()
    }

    fn knows_who(&self) -> bool {
        Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["config", "user.email"])
            .output()
            .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty())
    }

    /// The site's own folders and files that exist on disk or in Git: a
    /// path that is neither makes `git add` and `git commit` fail.
    fn pathspecs(&self) -> Vec<&'static str> {
        let tracked = |path: &str| {
            self.run(&["ls-files", "--", path])
                .is_ok_and(|listed| !listed.trim().is_empty())
        };
        SITE_FILES
            .into_iter()
            .filter(|path| self.root.join(path).exists() || tracked(path))
            .collect()
    }

    /// Runs `git args`; its error output when it fails.
    fn run(&self, args: &[&str]) -> Result<String, PublishMsg> {
        let failed = |detail: String| PublishMsg::GitFailed {
            command: args.first().copied().unwrap_or_default().to_string(),
            detail,
        };
        let out = self.git(args).map_err(|e| failed(e.to_string()))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(failed(last_line(&out.stderr)))
        }
    }

    /// The branch's upstream (`origin/main`), when it has one.
    fn upstream(&self) -> Option<String> {
        self.run(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
            .ok()
            .map(|s| s.trim().to_string())
    }

    /// The version last published: the upstream, else nothing yet.
    pub fn published(&self) -> Option<String> {
        self.upstream()
    }

    /// A checkout of the published version, to build and compare the
    /// figures with; `None` before the first publication.
    pub fn published_copy(&self) -> Option<PublishedCopy> {
        let upstream = self.published()?;
        let prefix = self.run(&["rev-parse", "--show-prefix"]).ok()?;
        let dir = std::env::temp_dir().join(format!(
            "renkei-published-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let path = dir.to_string_lossy().into_owned();
        self.run(&["worktree", "add", "--quiet", "--detach", &path, &upstream])
            .ok()?;
        Some(PublishedCopy {
            repo: self.clone(),
            site: dir.join(prefix.trim()),
            dir,
        })
    }

    /// The site's files that differ from the published version (all of them
    /// when nothing has been published yet), in path order.
    pub fn changes(&self) -> Result<Vec<Changed>, PublishMsg> {
        let mut changed = Vec::new();
        if let Some(upstream) = self.published() {
            let mut args = vec![
                "diff",
                "--name-status",
                "--no-renames",
                "-z",
                upstream.as_str(),
                "--",
            ];
            args.extend(SITE_FILES);
            let listed = self.run(&args)?;
            let mut fields = listed.split('\0').filter(|f| !f.is_empty());
            while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
                let status = status.chars().next().unwrap_or('M');
                changed.push(Changed {
                    status,
                    path: path.to_string(),
                });
            }
        } else {
            let mut args = vec!["ls-files", "-z", "--"];
            args.extend(SITE_FILES);
            for path in self.run(&args)?.split('\0').filter(|f| !f.is_empty()) {
                changed.push(Changed {
                    status: 'A',
                    path: path.to_string(),
                });
            }
        }
        let mut args = vec!["ls-files", "--others", "--exclude-standard", "-z", "--"];
        args.extend(SITE_FILES);
        for path in self.run(&args)?.split('\0').filter(|f| !f.is_empty()) {
            if !changed.iter().any(|c| c.path == path) {
                changed.push(Changed {
                    status: 'A',
                    path: path.to_string(),
                });
            }
        }
        changed.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(changed)
    }

    /// Commits the site's own files with `message`, merges a remote that
    /// moved ahead when that merges cleanly, and pushes. An error before
    /// the commit changes nothing; a push that fails keeps the commit.
    pub fn publish(&self, message: &str) -> Result<Published, PublishMsg> {
        if message.trim().is_empty() {
            return Err(PublishMsg::MessageEmpty);
        }
        let mut steps = Vec::new();
        let paths = self.pathspecs();
        let mut add = vec!["add", "-A", "--"];
        add.extend(&paths);
        self.run(&add)?;
        let mut staged = vec!["diff", "--cached", "--quiet", "--"];
        staged.extend(&paths);
        let has_changes = !self.git(&staged).is_ok_and(|o| o.status.success());
        let head_before = self
            .run(&["rev-parse", "HEAD"])
            .ok()
            .map(|h| h.trim().to_string());
        if has_changes {
            let mut commit = vec!["commit", "--quiet", "-m", message, "--"];
            commit.extend(&paths);
            if let Err(e) = self.run(&commit) {
                let _ = self.unstage();
                return Err(e);
            }
            steps.push(PublishMsg::Committed {
                message: message.trim().to_string(),
            });
        }
        // A fetch that fails (no network) is found again by the push.
        let _ = self.run(&["fetch", "--quiet"]);
        if let Some(upstream) = self.upstream() {
            let behind = self
                .run(&["rev-list", "--count", &format!("HEAD..{upstream}")])
                .ok()
                .and_then(|n| n.trim().parse::<u32>().ok())
                .unwrap_or(0);
            if behind > 0 {
                if let Some(files) = self.conflicts(&upstream) {
                    if has_changes {
                        self.undo_commit(head_before.as_deref());
                    }
                    return Err(PublishMsg::Conflict { files });
                }
                self.run(&["merge", "--quiet", "--no-edit", &upstream])?;
                steps.push(PublishMsg::PulledFirst);
            }
        }
        let ahead = match self.upstream() {
            Some(upstream) => self
                .run(&["rev-list", "--count", &format!("{upstream}..HEAD")])
                .ok()
                .and_then(|n| n.trim().parse::<u32>().ok())
                .unwrap_or(1),
            None => 1,
        };
        if ahead == 0 && steps.is_empty() {
            return Ok(Published {
                steps: vec![PublishMsg::NothingToPublish],
            });
        }
        let branch = self
            .run(&["rev-parse", "--abbrev-ref", "HEAD"])?
            .trim()
            .to_string();
        let push = match self.upstream() {
            Some(_) => self.git(&["push", "--quiet"]),
            None => self.git(&["push", "--quiet", "--set-upstream", "origin", "HEAD"]),
        };
        match push {
            Ok(out) if out.status.success() => {
                steps.push(PublishMsg::Pushed { branch });
                Ok(Published { steps })
            }
            Ok(out) => Err(push_failure(&out.stderr)),
            Err(e) => Err(PublishMsg::PushFailed {
                detail: e.to_string(),
            }),
        }
    }

    /// The files a merge of `upstream` would conflict on, if any.
    fn conflicts(&self, upstream: &str) -> Option<String> {
        let out = self
            .git(&[
                "merge-tree",
                "--write-tree",
                "--name-only",
                "HEAD",
                upstream,
            ])
            .ok()?;
        if out.status.success() {
            return None;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        // The first line is the tree; the conflicted files follow it until
        // the blank line before the messages.
        let files: Vec<&str> = text.lines().skip(1).take_while(|l| !l.is_empty()).collect();
        Some(files.join(", "))
    }

    fn unstage(&self) -> Result<String, PublishMsg> {
        let paths = self.pathspecs();
        let mut reset = vec!["reset", "--quiet", "--"];
        reset.extend(&paths);
        self.run(&reset)
    }

    /// Takes back the commit just made, keeping its changes in the files.
    fn undo_commit(&self, before: Option<&str>) {
        match before {
            Some(head) => {
                let _ = self.run(&["reset", "--quiet", "--mixed", head]);
            }
            None => {
                let _ = self.run(&["update-ref", "-d", "HEAD"]);
                let _ = self.unstage();
            }
        }
    }
}

/// Git's last line of complaint, for the message.
fn last_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// A failed push in editors' words, by what Git said.
fn push_failure(stderr: &[u8]) -> PublishMsg {
    let text = String::from_utf8_lossy(stderr).to_lowercase();
    let detail = last_line(stderr);
    let any = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if any(&["rejected", "non-fast-forward", "fetch first"]) {
        PublishMsg::PushRejected { detail }
    } else if any(&[
        "permission denied",
        "authentication failed",
        "403",
        "could not read username",
        "terminal prompts disabled",
    ]) {
        PublishMsg::PushNoPermission { detail }
    } else if any(&[
        "could not resolve host",
        "unable to access",
        "could not read from remote",
        "connection refused",
        "network is unreachable",
        "timed out",
        "does not appear to be a git repository",
    ]) {
        PublishMsg::PushNoNetwork { detail }
    } else {
        PublishMsg::PushFailed { detail }
    }
}
