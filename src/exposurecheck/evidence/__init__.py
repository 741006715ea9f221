"""Evidence of a publication for a doxing report (art. 285d Sr): capture, seal, verify."""
