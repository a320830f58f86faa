import numpy as np, sklearn
from sklearn import metrics as M
print(sklearn.__version__)
yb=np.array([1,0,1,1,0,0,1,0,1,0,0,1])
pb=np.array([0.9,0.4,0.65,0.3,0.2,0.65,0.8,0.1,0.55,0.7,0.45,0.65])
pred=(pb>0.5).astype(int)
print("binary pred", pred.tolist())
for name,f in [("accuracy",lambda:M.accuracy_score(yb,pred)),("balanced",lambda:M.balanced_accuracy_score(yb,pred)),
 ("prec_micro",lambda:M.precision_score(yb,pred,average='micro')),("prec_macro",lambda:M.precision_score(yb,pred,average='macro')),
 ("prec_weighted",lambda:M.precision_score(yb,pred,average='weighted')),("f1_weighted",lambda:M.f1_score(yb,pred,average='weighted')),
 ("recall_macro",lambda:M.recall_score(yb,pred,average='macro')),
 ("roc_auc",lambda:M.roc_auc_score(yb,pb)),("ap",lambda:M.average_precision_score(yb,pb)),("logloss",lambda:M.log_loss(yb,pb)),
 ("brier",lambda:M.brier_score_loss(yb,pb)),("mcc",lambda:M.matthews_corrcoef(yb,pred)),("kappa",lambda:M.cohen_kappa_score(yb,pred))]:
    print(name, repr(float(f())))
fpr,tpr,thr=M.roc_curve(yb,pb,drop_intermediate=False); print("roc fpr",fpr.tolist()); print("roc tpr",tpr.tolist()); print("thr",thr.tolist())
p,r,t=M.precision_recall_curve(yb,pb); print("pr p",p.tolist()); print("pr r",r.tolist()); print("pr t", t.tolist())
ym=np.array([0,1,2,2,1,0,2,1,0,2])
pm=np.array([[0.7,0.2,0.1],[0.3,0.4,0.3],[0.1,0.3,0.6],[0.2,0.5,0.3],[0.1,0.8,0.1],[0.5,0.3,0.2],[0.2,0.2,0.6],[0.6,0.3,0.1],[0.4,0.4,0.2],[0.3,0.3,0.4]])
predm=pm.argmax(axis=1)
print("multi pred", predm.tolist())
for name,f in [("accuracy",lambda:M.accuracy_score(ym,predm)),("balanced",lambda:M.balanced_accuracy_score(ym,predm)),
 ("prec_micro",lambda:M.precision_score(ym,predm,average='micro')),("prec_macro",lambda:M.precision_score(ym,predm,average='macro')),
 ("prec_weighted",lambda:M.precision_score(ym,predm,average='weighted')),("recall_weighted",lambda:M.recall_score(ym,predm,average='weighted')),
 ("f1_macro",lambda:M.f1_score(ym,predm,average='macro')),("f1_weighted",lambda:M.f1_score(ym,predm,average='weighted')),
 ("roc_auc_macro",lambda:M.roc_auc_score(ym,pm,multi_class='ovr',average='macro')),("roc_auc_weighted",lambda:M.roc_auc_score(ym,pm,multi_class='ovr',average='weighted')),
 ("ap_macro",lambda:M.average_precision_score(np.eye(3)[ym],pm,average='macro')),("logloss",lambda:M.log_loss(ym,pm)),
 ("brier_multi",lambda:float(np.mean(np.sum((pm-np.eye(3)[ym])**2,axis=1)))),
 ("mcc",lambda:M.matthews_corrcoef(ym,predm)),("kappa",lambda:M.cohen_kappa_score(ym,predm)),("cm",lambda:0)]:
    print(name, repr(float(f())))
print(M.confusion_matrix(ym,predm).tolist())
yr=np.array([3.0,-0.5,2.0,7.0,4.2,0.0,10.0,5.5])
pr=np.array([2.5,0.0,2.0,8.0,3.9,0.3,9.1,6.5])
for name,f in [("rmse",lambda:M.mean_squared_error(yr,pr,squared=False)),("mae",lambda:M.mean_absolute_error(yr,pr)),("r2",lambda:M.r2_score(yr,pr)),
 ("mape",lambda:M.mean_absolute_percentage_error(yr,pr)),("medae",lambda:M.median_absolute_error(yr,pr)),("ev",lambda:M.explained_variance_score(yr,pr))]:
    print(name, repr(float(f())))
from sklearn.calibration import calibration_curve
prob_true, prob_pred = calibration_curve(yb, pb, n_bins=5, strategy='uniform')
print("calibration true", prob_true.tolist())
print("calibration pred", prob_pred.tolist())
