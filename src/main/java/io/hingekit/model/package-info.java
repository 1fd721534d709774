/** Network builders (linear SVM, MLP, small CNN, embedding net) and their hinge or cross-entropy heads. */
package io.hingekit.model;
